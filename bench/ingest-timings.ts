import type { TIngestStage, TRecordingTracer } from '@/lib/ingest/ingest-tracer';

/** Phase durations in ms of one ingest, as bench:ingest prints them (from the recording tracer's stages). */
export interface TIngestTimings {
  /** Wall time from the first byte decoded to the last COPY of staging rows. */
  stagingMs: number;
  /** Decode, tokenize, parse, Zod validation and catalog check (`decode` + `parse` spans). */
  parseMs: number;
  /** computeFootprintsMemo (`compute`). */
  engineMs: number;
  /** Staging rows: content hash, columns, provenance JSON, COPY text (`stage`). */
  encodeMs: number;
  /** Waiting for COPY round trips: staging rows, provenance, record ids (`copy`). */
  copyMs: number;
  /** Duplicate checks, ANALYZE, restatements, teams/projects and the upsert incl. its triggers (`upsert`). */
  upsertMs: number;
  /** Every stage: spans run, items counted, summed ms. */
  stages: { stage: string; spans: number; items: number; ms: number }[];
}

const STAGING_STAGES = ['decode', 'parse', 'compute', 'stage', 'copy'] as const;

export function ingestTimingsOf(tracer: TRecordingTracer): TIngestTimings {
  const ms = (stage: TIngestStage) => tracer.record(stage)?.totalMs ?? 0;
  const staging = STAGING_STAGES.flatMap((stage) => tracer.record(stage) ?? []);
  const stagingMs =
    staging.length > 0
      ? Math.max(...staging.map((r) => r.lastEndMs)) - Math.min(...staging.map((r) => r.firstStartMs))
      : 0;
  return {
    stagingMs,
    parseMs: ms('decode') + ms('parse'),
    engineMs: ms('compute'),
    encodeMs: ms('stage'),
    copyMs: ms('copy'),
    upsertMs: ms('upsert'),
    stages: tracer.stages().map((stage) => {
      const r = tracer.record(stage);
      return { stage, spans: r?.spans ?? 0, items: r?.items ?? 0, ms: r?.totalMs ?? 0 };
    }),
  };
}
