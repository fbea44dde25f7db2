import 'server-only';
import { computeSharedFootprints, type FootprintMemo } from '@/lib/emissions/footprint-memo';
import { aiFootprintOf } from '@/lib/ingest/ai-usage/ai-usage-records';
import type { TIngestTracer } from '@/lib/ingest/ingest-tracer';
import type { ParsedRecord } from '@/lib/ingest/types';
import { appendAll } from '@/lib/utils/append-all';
import { uploadItemOf } from '../staging-rows';
import type { TStagingWriter } from '../staging-writer';
import type { TIngestInputs } from './resolve-ingest-inputs';
import type { TCopyQueue } from './upload-copy-queue';
import { addToTotals, emptyTotals, type TUploadTotals } from './upload-summary';

/** Records computed and staged per batch (bounded memory; see docs/decisions/ingest.md). */
const BATCH_RECORDS = 500;

/** Compute and stage stages of an upload: parsed records → footprints → staging rows → COPY, by batches. */
export interface TRecordStager {
  /** Takes parsed records; a full batch is computed, encoded and streamed to Postgres. */
  add(records: ParsedRecord[]): Promise<void>;
  /** Forgets the records held: the file already has errors and nothing of it will be stored. */
  drop(): void;
  /** Stages the records held and `last` as one batch, then waits for every COPY. */
  finish(last: ParsedRecord[]): Promise<void>;
  /** What the staged records add up to (upload.summary). */
  readonly totals: TUploadTotals;
  /**
   * Rows staged without a record_id: only they can repeat an external id (identical content) once record_id
   * duplicates are rejected, so the set-based dedupe check runs only when there are some.
   */
  readonly contentIdRows: number;
}

export function createRecordStager(deps: {
  inputs: Pick<TIngestInputs, 'library' | 'settings' | 'contracts'>;
  writer: TStagingWriter;
  copies: TCopyQueue;
  tracer: TIngestTracer;
}): TRecordStager {
  const { inputs, writer, copies, tracer } = deps;
  const memo: FootprintMemo = new Map();
  const totals = emptyTotals();
  const held: { records: ParsedRecord[]; contentIdRows: number } = { records: [], contentIdRows: 0 };
  // Energy contracts are allocated across the whole batch, so with contracts the records are computed at once.
  const holdAll = inputs.contracts.length > 0;

  const stageBatch = async (records: ParsedRecord[]) => {
    // One footprint object per distinct engine input: the writer encodes its columns once (staging-line-encoder.ts).
    const footprints = tracer.span('compute', () =>
      computeSharedFootprints(
        records.map((r) => r.record),
        inputs.library,
        inputs.settings,
        inputs.contracts,
        memo,
      ),
    );
    tracer.count('compute', records.length);
    const staged = tracer.span('stage', () => {
      let rows = 0;
      records.forEach((parsed, i) => {
        const computed = footprints[i];
        const footprint = computed && parsed.ai ? aiFootprintOf(computed, parsed.ai) : computed;
        if (footprint) {
          writer.add(uploadItemOf(parsed, footprint));
          held.contentIdRows += parsed.record.recordId === undefined ? 1 : 0;
          addToTotals(totals, parsed, footprint);
          rows += 1;
        }
      });
      return rows;
    });
    tracer.count('stage', staged);
    // Streams into the open COPY: waits only when Postgres is behind Node (back-pressure).
    await copies.send(() => writer.flush());
  };
  const takeHeld = () => {
    const records = held.records;
    held.records = [];
    return records;
  };

  return {
    async add(records) {
      appendAll(held.records, records);
      if (!holdAll && held.records.length >= BATCH_RECORDS) {
        await stageBatch(takeHeld());
      }
    },
    drop() {
      held.records = [];
    },
    async finish(last) {
      appendAll(held.records, last);
      const records = takeHeld();
      if (records.length > 0) {
        await stageBatch(records);
      }
      await copies.settle();
    },
    totals,
    get contentIdRows() {
      return held.contentIdRows;
    },
  };
}
