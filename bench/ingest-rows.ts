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

// An OpenAI dashboard usage export (docs/CSV_FORMAT.md "AI-service usage exports"): the columns the parser reads.
const AI_HEADER = 'start_time,end_time,project_id,num_model_requests,model,input_tokens,output_tokens';
// Repository models (OpenAI profile), so every row is estimated by the AI-services engine.
const AI_MODELS = ['gpt-4o-mini-2024-07-18', 'gpt-4o-2024-08-06', 'gpt-4.1-mini'];
const DAY_S = 86_400;

/**
 * Deterministic daily buckets of an OpenAI dashboard export: row i is model i mod 3, project ⌊i/3⌋ mod 20 (as many
 * as the generic rows), day ⌊i/60⌋ mod 365 from 2025-01-01, and 1,000 + i input tokens, so every row is a distinct
 * record with its own footprint, as in a real export (token counts differ row by row).
 */
export function* aiUsageCsvChunks(rows: number): Generator<string> {
  let chunk = `${AI_HEADER}\n`;
  const start = Date.UTC(2025, 0, 1) / 1000;
  for (let i = 0; i < rows; i++) {
    const day = start + (Math.floor(i / 60) % 365) * DAY_S;
    const requests = 10 + (i % 90);
    chunk += `${day},${day + DAY_S},proj-${Math.floor(i / 3) % 20},${requests},${AI_MODELS[i % 3]},${1000 + i},${requests * 300}\n`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}
