import type { EwifFactor } from '@/lib/emissions/factor-library-types';
import { csvRows, numberOrNull } from './csv-rows';

/** EWIF table (`reference/water/ewif.csv`: zone, l_per_kwh, kind, source). */
export function parseEwif(text: string): EwifFactor[] {
  const out: EwifFactor[] = [];
  for (const row of csvRows(text)) {
    const value = numberOrNull(row.l_per_kwh);
    if (row.zone && value !== null) {
      out.push({
        id: `ewif:${row.zone}`,
        zone: row.zone,
        lPerKwh: value,
        source: row.source ?? '',
        datasetVersion: 'ai-footprint-ewif@2026.11',
      });
    }
  }
  return out;
}
