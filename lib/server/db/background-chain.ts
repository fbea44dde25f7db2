import 'server-only';

/**
 * Keeps one database task in flight while the caller goes on: the ingest parses and encodes the next batch in
 * Node while Postgres loads the previous one (two cores: measured at 100,000 rows, the staging phase took the
 * sum of both sides before). Tasks run one after another on the same connection (a pg client serialises its
 * queries anyway); `next` waits for the previous task before starting its own, so at most one batch is in
 * flight and memory stays bounded. A failed task surfaces at the next `next` or at `settle`.
 */
export interface TBackgroundChain {
  /** Waits for the task in flight (rethrowing its error), then starts `task` without waiting for it. */
  next(task: () => Promise<void>): Promise<void>;
  /** Waits for the task in flight (rethrowing its error). Call it before using the connection directly. */
  settle(): Promise<void>;
}

export function createBackgroundChain(): TBackgroundChain {
  let tail: Promise<void> = Promise.resolve();
  return {
    async next(task) {
      await tail;
      const started = task();
      // Handled here so a failure between two awaits is not an unhandled rejection; `tail` still rejects.
      started.catch(() => undefined);
      tail = started;
    },
    settle() {
      return tail;
    },
  };
}
