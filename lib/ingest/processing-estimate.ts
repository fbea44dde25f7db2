/** Where an upload's reading stands: rows parsed, bytes read, the declared size, time since reading began. */
export interface TProcessingSample {
  rowsProcessed: number;
  bytesProcessed: number;
  /** Declared size of the file (Content-Length, the browser's file size); null when unknown. */
  bytesTotal: number | null;
  /** Milliseconds since the first byte was read. */
  elapsedMs: number;
  /** The whole file has been read: `rowsProcessed` is the file's row count. */
  fileRead: boolean;
}

/** Rows of the file (exact once read, else estimated from its bytes), reading rate and time left to read. */
export interface TProcessingEstimate {
  rowsTotal: number | null;
  /** `rowsTotal` is extrapolated from the bytes read so far ("about"), not counted. */
  rowsTotalEstimated: boolean;
  rowsPerSecond: number | null;
  /** Seconds until the file is read at the average rate so far (whole seconds, rounded up); null if unknown. */
  etaSeconds: number | null;
}

/** Reading for less than this gives no rate: the first chunks include start-up and say little. */
export const MIN_ELAPSED_FOR_RATE_MS = 1000;

/**
 * The row count and time-left arithmetic of the upload progress (docs/decisions/ingest-perf.md §18). Until the
 * file is read its row count is extrapolated from the bytes: rows so far × declared bytes ÷ bytes so far (rows
 * of one file have similar lengths), never below the rows already read. The rate is the average since the
 * first byte (rows ÷ elapsed seconds), so one slow chunk does not make the estimate jump; time left = rows left
 * ÷ rate. Nothing is guessed without data: no size, no rows yet or under a second of reading gives null.
 */
export function estimateProcessing(sample: TProcessingSample): TProcessingEstimate {
  const { rowsProcessed, bytesProcessed, bytesTotal, elapsedMs, fileRead } = sample;
  let rowsTotal: number | null = null;
  if (fileRead) {
    rowsTotal = rowsProcessed;
  } else if (bytesTotal !== null && bytesProcessed > 0 && rowsProcessed > 0) {
    rowsTotal = Math.max(rowsProcessed, Math.round((rowsProcessed * bytesTotal) / bytesProcessed));
  }
  const hasRate = elapsedMs >= MIN_ELAPSED_FOR_RATE_MS && rowsProcessed > 0;
  // rows left ÷ (rows ÷ seconds), as one fraction so whole results stay whole.
  const etaSeconds =
    rowsTotal !== null && hasRate
      ? Math.ceil(((rowsTotal - rowsProcessed) * elapsedMs) / (rowsProcessed * 1000))
      : null;
  return {
    rowsTotal,
    rowsTotalEstimated: rowsTotal !== null && !fileRead,
    rowsPerSecond: hasRate ? Math.round((rowsProcessed * 1000) / elapsedMs) : null,
    etaSeconds,
  };
}
