/**
 * The stages of the upload pipeline, in the order a file goes through them: bytes → text (`decode`) → validated
 * records (`parse`); the organisation's factors, settings and contracts are looked up first (`resolve`);
 * records → footprints (`compute`) → staging rows encoded (`stage`) → sent by COPY (`copy`, the time spent
 * waiting for Postgres) → one set-based `upsert` → the Upload row, audit event and progress (`finish`).
 */
export type TIngestStage =
  | 'resolve'
  | 'decode'
  | 'parse'
  | 'compute'
  | 'stage'
  | 'copy'
  | 'upsert'
  | 'finish';

/**
 * Timing hook of the upload pipeline. Injected so production pays nothing (`noopTracer`: one function call per
 * chunk or batch) while `bench:ingest` gets its per-stage figures from `createRecordingTracer`.
 */
export interface TIngestTracer {
  /** Runs `run` as (part of) `stage`; a returned promise counts until it settles. Returns what `run` returns. */
  span<T>(stage: TIngestStage, run: () => T): T;
  /**
   * Items that went through `stage`: bytes decoded, records parsed, records computed, rows staged, rows sent
   * to the upsert, uploads finished.
   */
  count(stage: TIngestStage, items: number): void;
}

export const noopTracer: TIngestTracer = {
  span: (_stage, run) => run(),
  count: () => undefined,
};

/** What a recording tracer saw of one stage. Times are in the clock's unit (ms for `performance.now`). */
export interface TStageRecord {
  /** Spans run. */
  spans: number;
  /** Items counted. */
  items: number;
  /** Sum of the spans' durations. */
  totalMs: number;
  /** Start of the first span and end of the last one (wall-clock extent of the stage). */
  firstStartMs: number;
  lastEndMs: number;
}

export interface TRecordingTracer extends TIngestTracer {
  /** The stages seen, in the order their first span or count came. */
  stages(): TIngestStage[];
  record(stage: TIngestStage): TStageRecord | undefined;
}

/** Records every stage's spans, durations and item counts; `clock` is injected (pure: tests pass a fake). */
export function createRecordingTracer(clock: () => number): TRecordingTracer {
  const records = new Map<TIngestStage, TStageRecord>();
  const recordOf = (stage: TIngestStage, at: number): TStageRecord => {
    let record = records.get(stage);
    if (!record) {
      record = { spans: 0, items: 0, totalMs: 0, firstStartMs: at, lastEndMs: at };
      records.set(stage, record);
    }
    return record;
  };
  const close = (record: TStageRecord, startedMs: number) => {
    const endedMs = clock();
    record.totalMs += endedMs - startedMs;
    record.lastEndMs = Math.max(record.lastEndMs, endedMs);
  };
  return {
    span(stage, run) {
      const startedMs = clock();
      const record = recordOf(stage, startedMs);
      record.spans += 1;
      let result: ReturnType<typeof run>;
      try {
        result = run();
      } catch (error) {
        close(record, startedMs);
        throw error;
      }
      if (result instanceof Promise) {
        return result.finally(() => close(record, startedMs)) as typeof result;
      }
      close(record, startedMs);
      return result;
    },
    count(stage, items) {
      (records.get(stage) ?? recordOf(stage, clock())).items += items;
    },
    stages: () => [...records.keys()],
    record: (stage) => records.get(stage),
  };
}
