import 'server-only';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { getLlmModelRepository } from '../factors/llm-model-repository-cache';

export interface TAiServiceOption {
  value: string;
  /** Human label of reference/ai-services/providers.csv ("Amazon Bedrock"); the value when unlisted. */
  label: string;
}

/** The AI services the organisation's records name (records explorer filter), with their labels. */
export async function findAiServiceOptions(ctx: { orgId: string }): Promise<TAiServiceOption[]> {
  const rows = await queryRows<{ value: string }>(
    getPrisma(),
    sql`SELECT DISTINCT ai_service AS value FROM usage_record
      WHERE org_id = ${ctx.orgId}::uuid AND ai_service IS NOT NULL ORDER BY 1`,
  );
  const services = getLlmModelRepository().serviceProviders;
  return rows.map(({ value }) => ({
    value,
    label: services.get(value)?.label ?? (value === 'other' ? 'Other AI service' : value),
  }));
}
