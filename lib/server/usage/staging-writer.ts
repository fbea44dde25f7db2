import 'server-only';
import type { RecordFootprint } from '@/lib/emissions/footprint-types';
import { createChunkedText, type TCopyValue, toCopyCsvLine } from '../db/pg-copy';
import { executeSql, rawSql, sql } from '../db/sql';
import type { TSqlRunner } from '../db/sql-runner';
import { createStagingLineEncoder } from './staging-line-encoder';
import {
  CREATE_STAGING_SQL,
  provenanceRowOf,
  STAGED_JSONB_COLUMNS,
  STAGING_COLUMNS,
  STAGING_REFS_COLUMNS,
  STAGING_REFS_TABLE,
  STAGING_TABLE,
  stagingRowOf,
} from './staging-rows';
import type { TUsageRecordToStore } from './usage-record-columns';

const COPY_ROWS_SQL = `COPY ${STAGING_TABLE} (${STAGING_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN WITH (FORMAT csv)`;
const REFS_COLUMNS = ['id', ...STAGING_REFS_COLUMNS.map(([column]) => column)];
const COPY_REFS_SQL = `COPY ${STAGING_REFS_TABLE} (${REFS_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
// The staging tables' names: constants of staging-rows.ts, spliced in as identifiers.
const STAGING = rawSql(STAGING_TABLE);
const STAGING_REFS = rawSql(STAGING_REFS_TABLE);

/** Fills the staging tables of one store (an upload, an API batch) batch by batch. */
export interface TStagingWriter {
  /** Adds one record (encoded at once, so only the batch's text is held); returns its external id. */
  add(item: TUsageRecordToStore): string;
  /** Sends the rows added since the last flush and their new provenance documents. Await it per batch. */
  flush(): Promise<void>;
  readonly stagedRows: number;
  /** Teams and projects named on the rows, slug → first name seen. */
  readonly teams: Map<string, string>;
  readonly projects: Map<string, string>;
}

/**
 * Creates the staging tables in the current transaction and returns a writer for them. Provenance
 * (factor refs, methodology version, flags: ~1.3 KB of JSON per record) is staged once per distinct footprint: memoised footprints share
 * their factorRefs array, which identifies the set, so rows carry a small id instead of the document
 * (docs/decisions/ingest.md). With COPY where the runner has it, else (Prisma) one INSERT of a JSON array.
 */
/** Distinct factor sets remembered by content per upload (a few hundred in practice; bounded all the same). */
const MAX_CONTENT_KEYS = 10_000;

export async function createStagingWriter(db: TSqlRunner, computedAt: Date): Promise<TStagingWriter> {
  await executeSql(db, sql`DROP TABLE IF EXISTS pg_temp.${STAGING}, pg_temp.${STAGING_REFS}`);
  for (const statement of CREATE_STAGING_SQL) {
    await executeSql(db, rawSql(statement));
  }
  const encodeLine = createStagingLineEncoder(computedAt);
  const refIds = new WeakMap<object, number>();
  let nextRefId = 1;
  const text = createChunkedText();
  const refsText = createChunkedText();
  let rows: TCopyValue[][] = [];
  let refs: TCopyValue[][] = [];
  let stagedRows = 0;
  const teams = new Map<string, string>();
  const projects = new Map<string, string>();

  // Footprints computed apart (distinct inputs: every row of an AI-service export has its own token count, so
  // its own energy) get their own factorRefs arrays, but the engine hands them the same ref objects: the set is
  // also recognised by the identities of its refs, its methodology and its flags, without serialising it.
  const refObjectIds = new WeakMap<object, number>();
  let nextObjectId = 1;
  const contentIds = new Map<string, number>();
  const contentKeyOf = (footprint: RecordFootprint): string => {
    let key = `${footprint.methodologyVersion}|${footprint.assumptions.join(',')}|`;
    for (const ref of footprint.factorRefs) {
      let id = refObjectIds.get(ref);
      if (id === undefined) {
        id = nextObjectId++;
        refObjectIds.set(ref, id);
      }
      key += `${id},`;
    }
    return key;
  };

  const refIdOf = (footprint: RecordFootprint): number => {
    const shared = footprint.marketAllocations.length === 0;
    const known = shared ? refIds.get(footprint.factorRefs) : undefined;
    if (known !== undefined) {
      return known;
    }
    const contentKey = shared ? contentKeyOf(footprint) : null;
    const sameContent = contentKey === null ? undefined : contentIds.get(contentKey);
    if (sameContent !== undefined) {
      refIds.set(footprint.factorRefs, sameContent);
      return sameContent;
    }
    const id = nextRefId++;
    if (contentKey !== null) {
      if (contentIds.size >= MAX_CONTENT_KEYS) {
        contentIds.clear();
      }
      contentIds.set(contentKey, id);
    }
    const row = [id, ...provenanceRowOf(footprint)];
    if (db.copyIn) {
      refsText.append(toCopyCsvLine(row));
    } else {
      refs.push(row);
    }
    if (shared) {
      refIds.set(footprint.factorRefs, id);
    }
    return id;
  };

  return {
    add(item) {
      const refId = refIdOf(item.footprint);
      let staged: { externalId: string; teamSlug: string | null; projectSlug: string | null };
      if (db.copyIn) {
        const encoded = encodeLine(item, refId);
        text.append(encoded.line);
        staged = encoded;
      } else {
        const { row, ...rest } = stagingRowOf(item, computedAt, refId);
        rows.push(row);
        staged = rest;
      }
      const { teamSlug, projectSlug } = staged;
      if (teamSlug && !teams.has(teamSlug)) {
        teams.set(teamSlug, item.record.team as string);
      }
      if (projectSlug && !projects.has(projectSlug)) {
        projects.set(projectSlug, item.record.project as string);
      }
      stagedRows += 1;
      return staged.externalId;
    },
    async flush() {
      if (db.copyIn) {
        const [batch, batchRefs] = [text.take(), refsText.take()];
        if (batch.length > 0) {
          await db.copyIn(COPY_ROWS_SQL, batch);
        }
        if (batchRefs.length > 0) {
          await db.copyIn(COPY_REFS_SQL, batchRefs);
        }
        return;
      }
      const [batch, batchRefs] = [rows, refs];
      rows = [];
      refs = [];
      await insertJson(db, batch, batchRefs);
    },
    get stagedRows() {
      return stagedRows;
    },
    teams,
    projects,
  };
}

async function insertJson(db: TSqlRunner, rows: TCopyValue[][], refs: TCopyValue[][]): Promise<void> {
  if (rows.length > 0) {
    const objects = rows.map((row) =>
      Object.fromEntries(
        STAGING_COLUMNS.map((column, i) => {
          const value = row[i];
          const json = STAGED_JSONB_COLUMNS.has(column) && typeof value === 'string';
          return [column, json ? JSON.parse(value) : value instanceof Date ? value.toISOString() : value];
        }),
      ),
    );
    await executeSql(
      db,
      sql`INSERT INTO ${STAGING} SELECT * FROM json_populate_recordset(NULL::${STAGING}, ${JSON.stringify(objects)}::json)`,
    );
  }
  if (refs.length > 0) {
    // Columns of the refs table (REFS_COLUMNS): id, factors, methodology_version, assumption_flags, market_allocations.
    const objects = refs.map(([id, factors, methodologyVersion, flags, allocations]) => ({
      id,
      factors: JSON.parse(factors as string),
      methodology_version: methodologyVersion,
      assumption_flags: flags,
      market_allocations: allocations === null ? null : JSON.parse(allocations as string),
    }));
    await executeSql(
      db,
      sql`INSERT INTO ${STAGING_REFS} (${rawSql(REFS_COLUMNS.join(', '))}) SELECT ${rawSql(REFS_COLUMNS.join(', '))} FROM json_populate_recordset(NULL::${STAGING_REFS}, ${JSON.stringify(objects)}::json)`,
    );
  }
}
