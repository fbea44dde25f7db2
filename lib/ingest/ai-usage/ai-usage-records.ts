import { aiEnergyRangeOf, aiUncertaintyOf } from '@/lib/emissions/ai-services/ai-uncertainty';
import { estimateAiUsageRow, type TZoneOfRegion } from '@/lib/emissions/ai-services/estimate-ai-usage-row';
import type { TLlmModelRepository } from '@/lib/emissions/ai-services/llm-model-types';
import { applyModelAlias } from '@/lib/emissions/ai-services/model-alias';
import { midpoint } from '@/lib/emissions/ai-services/value-range';
import { cloudOfService } from '@/lib/emissions/ai-services/zone-of-region';
import type { RecordFootprint } from '@/lib/emissions/footprint-types';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { IssueSink, ParsedRecord, TAiRecordFields } from '../types';
import type { TAiUsageRow } from './ai-usage-types';
import { EDGE_CSV_COLUMNS, edgeUsageRecordOf } from './edge-usage';

/** What turns a normalised AI-usage row into a usage record: the model repository, zones and the record schema. */
export interface TAiRecordContext {
  repository: TLlmModelRepository;
  zoneOfRegion: TZoneOfRegion;
  /** The upload's record schema (`usageRecordSchemaAt(now)`): period, ranges and "not in the future". */
  validate: (
    input: Record<string, unknown>,
  ) =>
    | { success: true; data: TUsageRecordInput }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  /** The upload's catalog check (regions the factor library does not know). */
  checkRecord?: (record: TUsageRecordInput) => { field: string; message: string }[];
  /** The organisation's model aliases (`modelAliasMap`); none by default. */
  modelAliases?: ReadonlyMap<string, string>;
  /** How errors of on-device rows name a field (default: the AI usage template's columns). */
  edgeFieldName?: (field: string) => string;
}

/** An ISO alpha-3 mix zone our location table can read as a country (EcoLogits' world mix WOR is none). */
const COUNTRY_ZONE = /^[A-Z]{3}$/;

const statesMix = (row: TAiUsageRow): boolean =>
  row.overrides?.zone !== undefined || row.overrides?.gridKgCo2ePerKwh !== undefined;

/**
 * One AI-usage row → a usage record (issue #21, docs/decisions/ai-services.md AS15): the AI-services engine gives
 * the IT energy (facility energy ÷ the midpoint PUE), the PUE and the on-site water; location- and market-based
 * CO2e and off-site water then come from our grid factors and contracts like any other record. The record's
 * location is the row's cloud region when the region catalog knows it, else the engine's mix zone (a country).
 * `tokens` = input + output tokens; the split, the service and the model repository entry go to `ai`. A row
 * the engine or the schema refuses goes to `sink` on its line (unknown provider or model, negative tokens…).
 * Returns null then. Pure.
 */
export function aiUsageRecordOf(
  row: TAiUsageRow,
  context: TAiRecordContext,
  sink: IssueSink,
): ParsedRecord | null {
  if (row.edge) {
    const fieldName = context.edgeFieldName ?? ((field: string) => EDGE_CSV_COLUMNS[field] ?? field);
    return edgeUsageRecordOf(row, row.edge, context, sink, fieldName);
  }
  const aliased = context.modelAliases ? applyModelAlias(row, context.modelAliases) : row;
  const estimate = estimateAiUsageRow(context.repository, aliased, context.zoneOfRegion);
  if (!estimate.ok) {
    sink.error(estimate.line, estimate.column, estimate.message);
    return null;
  }
  const fp = estimate.footprint;
  const cloud = cloudOfService(row.provider);
  const regionKnown = row.region !== null && context.zoneOfRegion(row.provider, row.region) !== null;
  const zone = fp.locationIntensity.zone;
  const region = regionKnown
    ? (row.region ?? undefined)
    : zone && COUNTRY_ZONE.test(zone) && zone !== 'WOR'
      ? zone
      : undefined;
  const input: Record<string, unknown> = {
    phase: 'inference',
    startedAt: row.periodStart,
    endedAt: row.periodEnd,
    model: estimate.model,
    provider: cloud,
    energyKwh: fp.itEnergyKwh,
    pue: midpoint(fp.pue),
    tokens: row.inputTokens + row.outputTokens,
    ...(region ? { region } : {}),
    ...(row.team ? { team: row.team } : {}),
    ...(row.project ? { project: row.project } : {}),
    ...(row.requests !== null ? { requests: row.requests } : {}),
    // A stated mix (zone or grid factor) is the row's location-based intensity: energy × the EcoLogits mix gwp
    // (docs/decisions/ai-services.md AS37); without one our grid factors of the region apply.
    ...(statesMix(row) ? { carbonIntensityGPerKwh: fp.locationIntensity.gCo2ePerKwh } : {}),
    // Our water model puts on-site water on IT energy; EcoLogits on facility energy: this WUE gives its litres.
    ...(fp.itEnergyKwh > 0 ? { wueLPerKwh: fp.waterOnsiteL / fp.itEnergyKwh } : {}),
  };
  const record = validatedRecordOf(input, row.line, context, sink);
  if (!record) {
    return null;
  }
  const energyRange = aiEnergyRangeOf(fp);
  return {
    line: row.line,
    record,
    flags: [...fp.flags],
    source: { aiEnergyRange: energyRange },
    ai: {
      energyRange,
      service: row.provider ?? 'other',
      inputTokens: row.inputTokens,
      outputTokens: row.outputTokens,
      modelRef: `${estimate.model}@${fp.method}`,
      embodiedKgCo2e: fp.embodiedKgCo2e,
    },
  };
}

/**
 * A record built from an AI-usage row through the upload's record schema and catalog check: every issue goes to
 * `sink` on the row's line, its field renamed by `fieldName` (the row's own column names); null then. Pure.
 */
export function validatedRecordOf(
  input: Record<string, unknown>,
  line: number,
  context: Pick<TAiRecordContext, 'validate' | 'checkRecord'>,
  sink: IssueSink,
  fieldName: (field: string) => string = (field) => field,
): TUsageRecordInput | null {
  const parsed = context.validate(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      sink.error(line, field ? fieldName(field) : null, issue.message);
    }
    return null;
  }
  const issues = context.checkRecord?.(parsed.data) ?? [];
  for (const issue of issues) {
    sink.error(line, fieldName(issue.field), issue.message);
  }
  return issues.length > 0 ? null : parsed.data;
}

/**
 * The stored footprint of an AI-usage record: the compute engine's (our grid factors, contracts, water) with the
 * method's embodied share of the servers instead of the device-hour amortisation (there are no device-hours),
 * not measured (the energy is the AI-services engine's estimate), and the location-based range of the method's
 * energy range times the grid factor's (`aiUncertaintyOf`). Pure.
 */
export function aiFootprintOf(
  footprint: RecordFootprint,
  ai: Pick<TAiRecordFields, 'embodiedKgCo2e' | 'energyRange'>,
): RecordFootprint {
  return {
    ...footprint,
    embodiedKgCo2e: ai.embodiedKgCo2e,
    // The method's embodied share replaces the device-hour amortisation: "no device-hours, embodied not estimated"
    // would contradict the stored figure. On-device rows (share 0) keep it: their embodied is not estimated.
    assumptions:
      ai.embodiedKgCo2e > 0
        ? footprint.assumptions.filter((flag) => flag !== 'EMBODIED_NO_DEVICE_HOURS')
        : footprint.assumptions,
    isMeasured: false,
    ...aiUncertaintyOf(footprint, ai.energyRange),
  };
}
