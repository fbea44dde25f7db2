import 'server-only';
import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { aiFootprintOf, aiUsageRecordOf } from '@/lib/ingest/ai-usage/ai-usage-records';
import type { TAiUsageOverrides, TAiUsageRow } from '@/lib/ingest/ai-usage/ai-usage-types';
import type { ParsedRecord } from '@/lib/ingest/types';
import type { TAiUsageInput } from '@/lib/schemas/ai-usage-batch';
import type { TRecordError } from '@/lib/schemas/api-v1';
import { getCachedFactorLibrary } from '../factors/factor-library-cache';
import { computeForOrganization } from './api-estimate';
import { createAiRecordContext } from './create-ai-record-context';
import { sourceDataOf } from './staging-rows';
import { storeUsageRecords, type TStoreResult } from './usage-records';

// The engine names the template's `zone` column; the API field of the same override is `mixZone`.

/** An API row as the normalised usage row the export parsers produce (line = the row's index). */
function usageRowOf(input: TAiUsageInput, index: number): TAiUsageRow {
  const provider = input.provider ?? null;
  const model = input.model ?? '';
  const overrides = statedOverridesOf(input);
  return {
    line: index,
    provider,
    modelRaw: model,
    modelLookup: { kind: 'name', provider, name: model },
    inputTokens: input.inputTokens,
    outputTokens: input.outputTokens,
    requests: input.requests ?? null,
    meanLatencyS: input.latencyS ?? null,
    region: input.region ?? null,
    quantityBasis: 'metered',
    service: provider ?? 'model size given',
    periodStart: input.startedAt,
    periodEnd: input.endedAt,
    cachedInputTokens: null,
    team: input.team ?? null,
    project: input.project ?? null,
    tags: {},
    ...(overrides ? { overrides } : {}),
    ...(input.edge
      ? {
          edge: input.edge,
          region: input.edge.country,
          modelLookup: { kind: 'description', provider: 'edge' },
        }
      : {}),
  };
}

/** The row's stated model size and site (the AI usage template's override columns), or null when none. */
function statedOverridesOf(input: TAiUsageInput): TAiUsageOverrides | null {
  const overrides: TAiUsageOverrides = {
    ...(input.activeParamsB !== undefined ? { activeParamsB: input.activeParamsB } : {}),
    ...(input.totalParamsB !== undefined ? { totalParamsB: input.totalParamsB } : {}),
    ...(input.pue !== undefined ? { pue: input.pue } : {}),
    ...(input.wueOnsiteLPerKwh !== undefined ? { wueOnsiteLPerKwh: input.wueOnsiteLPerKwh } : {}),
    ...(input.gridKgCo2ePerKwh !== undefined ? { gridKgCo2ePerKwh: input.gridKgCo2ePerKwh } : {}),
    ...(input.gridWaterLPerKwh !== undefined ? { gridWaterLPerKwh: input.gridWaterLPerKwh } : {}),
    ...(input.mixZone !== undefined ? { zone: input.mixZone.toUpperCase() } : {}),
  };
  return Object.keys(overrides).length > 0 ? overrides : null;
}

/**
 * `POST /api/v1/ai-usage` (issue #21): every row estimated by the AI-services engine exactly like an uploaded
 * export row (`aiUsageRecordOf`: unknown provider or model, bad period → a row error by index, nothing stored),
 * then computed with the organisation's factors and contracts and stored in one transaction, idempotent by `id`
 * (else content) like `POST /api/v1/records`.
 */
export async function storeAiUsage(
  ctx: { orgId: string },
  inputs: readonly TAiUsageInput[],
  now: Date,
): Promise<{ errors: TRecordError[] } | { result: TStoreResult }> {
  const library = ensureIndexed(await getCachedFactorLibrary(ctx));
  const errors: TRecordError[] = [];
  const sink = {
    error: (index: number, field: string | null, message: string) => {
      errors.push({ index, field: field === 'zone' ? 'mixZone' : (field ?? ''), message });
    },
    warn: () => undefined,
  };
  const context = {
    ...createAiRecordContext(library, now),
    edgeFieldName: (field: string) => `edge.${field}`,
  };
  const parsed: ParsedRecord[] = [];
  inputs.forEach((input, index) => {
    if (input.edge && input.provider !== 'edge') {
      sink.error(index, 'provider', 'a row with on-device figures (edge) must have provider "edge"');
      return;
    }
    const record = aiUsageRecordOf(usageRowOf(input, index), context, sink);
    if (record) {
      parsed.push(input.id ? { ...record, record: { ...record.record, recordId: input.id } } : record);
    }
  });
  if (errors.length > 0) {
    return { errors };
  }
  const footprints = await computeForOrganization(
    ctx,
    parsed.map((p) => p.record),
  );
  const items = parsed.map((p, i) => {
    const footprint = footprints[i];
    if (!footprint || !p.ai) {
      throw new Error('every AI-usage row has a footprint');
    }
    return {
      record: p.record,
      footprint: aiFootprintOf(footprint, p.ai),
      ai: p.ai,
      sourceData: sourceDataOf(p),
    };
  });
  return { result: await storeUsageRecords(ctx, items, { computedAt: now }) };
}
