import 'server-only';
import { resolveDateRange } from '@/lib/dashboard/date-range';
import { AppError } from '@/lib/errors';
import { runScenario } from '@/lib/insights/run-scenario';
import type { TScenarioResult } from '@/lib/insights/types';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import type { TWhatIfInput } from '@/lib/schemas/what-if';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { dashboardWhereSql } from '../dashboard/dashboard-where';
import { findScopedRecords, getDataSpan, getInsightInputs, INSIGHT_MAX_RECORDS } from './insight-inputs';

export interface TWhatIfResult extends TScenarioResult {
  /** Records the scenario read. */
  records: number;
}

/** Ids of the records matching dashboard filters (query string), org-scoped, over the filters' date range. */
async function idsForFilters(ctx: { orgId: string }, query: string, now: Date): Promise<string[]> {
  const filters = parseDashboardFilters(new URLSearchParams(query));
  const range = resolveDateRange(filters, now, await getDataSpan(ctx));
  const rows = await queryRows<{ id: string }>(
    getPrisma(),
    sql`SELECT r.id FROM usage_record r WHERE ${dashboardWhereSql(ctx, filters, range)} LIMIT ${INSIGHT_MAX_RECORDS + 1}`,
  );
  return rows.map((r) => r.id);
}

/** Runs a what-if scenario on one record or a filtered set, with the organisation's factors. */
export async function computeWhatIf(
  ctx: { orgId: string },
  input: TWhatIfInput,
  now: Date,
): Promise<TWhatIfResult> {
  const where =
    input.target.type === 'record'
      ? { id: input.target.recordId }
      : { id: { in: await idsForFilters(ctx, input.target.query, now) } };
  const records = await findScopedRecords(ctx, where);
  if (records.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      input.target.type === 'record' ? 'Record not found.' : 'No records match these filters.',
    );
  }
  const { inputs } = await getInsightInputs(ctx, input.electricityPricePerKwh);
  const result = runScenario(
    records.map((r) => r.input),
    input.scenario,
    inputs,
  );
  return { ...result, records: records.length };
}
