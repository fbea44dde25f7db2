import type { TPhase } from '@/lib/schemas/usage-record';
import { csvLine, type TCsvCell } from './to-csv';

/** Columns of the records CSV export (units in the names). */
export const RECORD_CSV_HEADER = [
  'id',
  'external_id',
  'phase',
  'started_at',
  'ended_at',
  'team',
  'project',
  'model',
  'provider',
  'region',
  'accelerator',
  'facility_energy_kwh',
  'location_kg_co2e',
  'market_kg_co2e',
  'embodied_kg_co2e',
  'water_l',
  'is_measured',
  'ai_service',
] as const;

/** One row of the records explorer / CSV export: whole-record values (not apportioned to the range). */
export interface TRecordListRow {
  id: string;
  externalId: string;
  phase: TPhase;
  startedAt: Date;
  endedAt: Date;
  team: string | null;
  project: string | null;
  model: string | null;
  provider: string | null;
  region: string | null;
  accelerator: string | null;
  facilityEnergyKwh: number;
  locationKgCo2e: number;
  marketKgCo2e: number;
  embodiedKgCo2e: number;
  waterL: number;
  isMeasured: boolean;
  /** Third-party AI service (openai, aws-bedrock …) of AI-usage records; null for compute records. */
  aiService: string | null;
}

/** One CSV line per record (formula-injection safe via csvLine). */
export function recordCsvLine(r: TRecordListRow): string {
  const cells: TCsvCell[] = [
    r.id,
    r.externalId,
    r.phase,
    r.startedAt.toISOString(),
    r.endedAt.toISOString(),
    r.team,
    r.project,
    r.model,
    r.provider,
    r.region,
    r.accelerator,
    r.facilityEnergyKwh,
    r.locationKgCo2e,
    r.marketKgCo2e,
    r.embodiedKgCo2e,
    r.waterL,
    r.isMeasured ? 'true' : 'false',
    r.aiService,
  ];
  return csvLine(cells);
}
