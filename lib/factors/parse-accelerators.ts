import type { AcceleratorSpec } from '@/lib/emissions/factor-library-types';
import { csvRows, numberOrNull } from './csv-rows';

export const ACCELERATORS_VERSION = 'ai-footprint-accelerators@2026.12';

/** Accelerator catalog (`reference/accelerators/accelerators.csv`); rows without TDP or embodied value are skipped. */
export function parseAccelerators(text: string): AcceleratorSpec[] {
  const out: AcceleratorSpec[] = [];
  for (const row of csvRows(text)) {
    const tdpW = numberOrNull(row.tdp_w);
    const embodied = numberOrNull(row.embodied_kgco2e);
    if (!row.id || !row.name || tdpW === null || embodied === null) {
      continue;
    }
    out.push({
      id: row.id,
      name: row.name,
      aliases: (row.aliases ?? '')
        .split(';')
        .map((a) => a.trim())
        .filter(Boolean),
      tdpW,
      idleW: numberOrNull(row.idle_w),
      memoryGb: numberOrNull(row.memory_gb),
      embodiedKgCo2e: embodied,
      embodiedLowKgCo2e: numberOrNull(row.embodied_low_kgco2e) ?? embodied,
      embodiedHighKgCo2e: numberOrNull(row.embodied_high_kgco2e) ?? embodied,
      source: `power: ${row.power_source}; embodied: ${row.embodied_source}`,
      datasetVersion: ACCELERATORS_VERSION,
    });
  }
  return out;
}
