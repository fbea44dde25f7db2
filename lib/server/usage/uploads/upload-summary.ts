import type { RecordFootprint } from '@/lib/emissions/footprint-types';
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
  /** CodeCarbon's own emissions for the imported runs (its factor), beside our location-based figure. */
  codecarbon: { runs: number; reportedKgCo2e: number; recomputedLocationKgCo2e: number } | null;
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
  const reported = parsed.source?.codecarbon?.reportedEmissionsKg;
  if (parsed.source?.codecarbon) {
    totals.codecarbon ??= { runs: 0, reportedKgCo2e: 0, recomputedLocationKgCo2e: 0 };
    totals.codecarbon.runs += 1;
    totals.codecarbon.reportedKgCo2e += reported ?? 0;
    totals.codecarbon.recomputedLocationKgCo2e += f.locationKgCo2e;
  }
}
