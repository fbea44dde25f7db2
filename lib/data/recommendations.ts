import 'server-only';
import type { TRecommendation } from '@/lib/insights/recommendation-types';
import { buildRecommendations } from '@/lib/insights/recommendations';
import { findScopedRecords, getDataSpan, getInsightInputs } from './insight-inputs';

const YEAR_MS = 365 * 86_400_000;

export interface TRecommendationList {
  /** The 12 months the estimates are based on: [from, to), ending at the last record. */
  window: { from: Date; to: Date } | null;
  totalRecords: number;
  recommendations: TRecommendation[];
}

/** Ranked recommendations from the organisation's last 12 months of data (annual figures by construction). */
export async function findRecommendations(ctx: { orgId: string }): Promise<TRecommendationList> {
  const span = await getDataSpan(ctx);
  if (!span) {
    return { window: null, totalRecords: 0, recommendations: [] };
  }
  const window = { from: new Date(span.to.getTime() - YEAR_MS), to: span.to };
  const records = await findScopedRecords(ctx, { startedAt: { gte: window.from, lt: window.to } });
  const { inputs } = await getInsightInputs(ctx);
  return { window, totalRecords: records.length, recommendations: buildRecommendations(records, inputs) };
}
