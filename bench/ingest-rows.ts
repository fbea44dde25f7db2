// Deterministic generic template v1 rows for the ingest benchmark (bench/ingest.ts).
const HEADER =
  'record_id,phase,started_at,ended_at,team,project,provider,region,accelerator,accelerator_count,accelerator_hours,energy_kwh';
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'us-west-2'];
// Catalog names (the upload's catalog check rejects unknown accelerators).
const ACCELERATORS = ['NVIDIA A100-SXM4-80GB', 'NVIDIA H100 SXM', 'NVIDIA L4'];
const PHASES = ['training', 'inference', 'fine_tuning', 'evaluation'];

/** Deterministic rows: one hour each from 2025-01-01, cycling regions/accelerators; every 3rd row metered. */
export function* csvChunks(rows: number): Generator<string> {
  let chunk = `${HEADER}\n`;
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i++) {
    const started = new Date(start + (i % 8760) * 3_600_000).toISOString();
    const ended = new Date(start + ((i % 8760) + 1) * 3_600_000).toISOString();
    const count = 1 + (i % 8);
    const energy = i % 3 === 0 ? (0.3 * count).toFixed(3) : '';
    chunk += `bench-${i},${PHASES[i % 4]},${started},${ended},team-${i % 5},project-${i % 20},aws,${REGIONS[i % 4]},${ACCELERATORS[i % 3]},${count},${count},${energy}\n`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}
