import { chunksOf } from './upload-fixtures';

/**
 * The bytes of `text` in small chunks with a pause between them, so a test can act (kill the process, stop
 * Postgres, run a recompute) while an upload is in its data transaction. `onChunk` sees the chunk index.
 */
export async function* slowChunks(
  text: string,
  options: { chunkBytes: number; pauseMs: number; onChunk?: (index: number) => void },
): AsyncGenerator<Uint8Array> {
  let index = 0;
  for await (const chunk of chunksOf(text, options.chunkBytes)) {
    options.onChunk?.(index);
    index += 1;
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    yield chunk;
  }
}

/** A generic-template file of `rows` valid records with distinct ids (prefix keeps files distinct). */
export function manyRowsCsv(
  header: string,
  row: (values: Record<string, string>) => string,
  rows: number,
  prefix: string,
) {
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      row({
        record_id: `${prefix}-${i}`,
        started_at: `2025-04-${day}T00:00:00Z`,
        ended_at: `2025-04-${day}T06:00:00Z`,
        accelerator_hours: String(1 + (i % 50)),
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
