import type { RecordFootprint } from '@/lib/emissions/footprint-types';
import { addCodecarbonComparison, type TCodecarbonComparison } from '@/lib/ingest/codecarbon-comparison';
import type { ParsedRecord } from '@/lib/ingest/types';

/** What an upload added, stored in upload.summary and returned by the API. kWh and kg CO2e. */
export interface TUploadTotals {
  records: number;
  itEnergyKwh: number;
  facilityEnergyKwh: number;
  locationKgCo2e: number;
  marketKgCo2e: number;
  embodiedKgCo2e: number;
  waterL: number;
  codecarbon: TCodecarbonComparison | null;
}

export function emptyTotals(): TUploadTotals {
  return {
    records: 0,
    itEnergyKwh: 0,
    facilityEnergyKwh: 0,
    locationKgCo2e: 0,
    marketKgCo2e: 0,
    embodiedKgCo2e: 0,
    waterL: 0,
    codecarbon: null,
  };
}

/** Adds one record's footprint to the running totals (mutates `totals`: it runs once per row). */
export function addToTotals(totals: TUploadTotals, parsed: ParsedRecord, f: RecordFootprint): void {
  totals.records += 1;
  totals.itEnergyKwh += f.itEnergyKwh;
  totals.facilityEnergyKwh += f.energyKwh;
  totals.locationKgCo2e += f.locationKgCo2e;
  totals.marketKgCo2e += f.marketKgCo2e;
  totals.embodiedKgCo2e += f.embodiedKgCo2e;
  totals.waterL += f.waterOnsiteL + f.waterOffsiteL;
  const source = parsed.source?.codecarbon;
  if (source) {
    totals.codecarbon = addCodecarbonComparison(totals.codecarbon, parsed.line, source, f);
  }
}
