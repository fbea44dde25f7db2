import 'server-only';
import { duplicateRecordIdMessage } from '@/lib/ingest/generic-parser';
import type { RowError } from '@/lib/ingest/types';
import { createChunkedText, toCopyCsvLine } from '../../db/pg-copy';
import { executeSql, queryRows, rawSql, sql } from '../../db/sql';
import type { TSqlRunner } from '../../db/sql-runner';
import { STAGING_TABLE } from '../staging-rows';
import type { TUploadTotals } from './upload-summary';

const IDS_TABLE = 'upload_record_ids';
// The temporary tables' names: constants, spliced in as identifiers.
const IDS = rawSql(IDS_TABLE);
const STAGING = rawSql(STAGING_TABLE);
/** COPY text held before it is sent (≈ 20 B per id): bounded memory whatever the file's size. */
const FLUSH_CHARS = 1 << 18;

/**
 * Duplicate record_ids within one upload, checked in Postgres instead of a map in memory (which grew by ~80 B
 * per row: 80 MB for a 1M-row file). Every generic row's record_id (valid or not, so an invalid first use
 * still makes a later one a duplicate, as the in-memory check did) is COPYed with its line into a temporary
 * table; one hash aggregate at the end lists the lines that reuse an earlier line's id, with the parser's message.
 */
export interface TRecordIdCheck {
  add(recordId: string, line: number, column: string | null): void;
  /** Sends the ids added since the last flush (call it per batch; cheap when few are pending). */
  flush(force?: boolean): Promise<void>;
  /** Row errors (line order) of the lines whose record_id an earlier line already used. */
  duplicates(fileName: string): Promise<RowError[]>;
}

export async function createRecordIdCheck(db: TSqlRunner): Promise<TRecordIdCheck> {
  const copyIn = db.copyIn;
  if (!copyIn) {
    throw new Error('createRecordIdCheck needs a COPY-capable connection');
  }
  await executeSql(db, sql`DROP TABLE IF EXISTS pg_temp.${IDS}`);
  await executeSql(
    db,
    sql`CREATE TEMP TABLE ${IDS} (record_id text NOT NULL, line integer NOT NULL) ON COMMIT DROP`,
  );
  const text = createChunkedText();
  let column: string | null = null;
  let any = false;
  const check: TRecordIdCheck = {
    add(recordId, line, idColumn) {
      column ??= idColumn;
      text.append(toCopyCsvLine([recordId, line]));
      any = true;
    },
    async flush(force = false) {
      if (text.length > 0 && (force || text.length >= FLUSH_CHARS)) {
        await copyIn(`COPY ${IDS_TABLE} (record_id, line) FROM STDIN WITH (FORMAT csv)`, text.take());
      }
    },
    async duplicates(fileName) {
      await check.flush(true);
      if (!any) {
        return [];
      }
      // Hash aggregate, then (only when some id repeats) a hash join back: an empty inner side skips the scan.
      const rows = await queryRows<{ record_id: string; line: number; first_line: number }>(
        db,
        sql`WITH dup AS (
           SELECT record_id, min(line) AS first_line FROM ${IDS} GROUP BY record_id HAVING count(*) > 1
         )
         SELECT i.record_id, i.line, d.first_line FROM ${IDS} i JOIN dup d USING (record_id)
         WHERE i.line > d.first_line ORDER BY i.line`,
      );
      return rows.map((r) => ({
        fileName,
        line: r.line,
        column,
        message: duplicateRecordIdMessage(r.record_id, r.first_line),
      }));
    },
  };
  return check;
}

/**
 * "Import valid rows only": removes the staged rows of rejected lines (duplicate record_ids found after
 * staging) and takes their figures out of the upload's totals. Returns the number of rows removed.
 */
export async function unstageLines(
  db: TSqlRunner,
  lines: readonly number[],
  totals: TUploadTotals,
): Promise<number> {
  if (lines.length === 0) {
    return 0;
  }
  const [gone] = await queryRows<{
    n: number;
    it: number | null;
    facility: number | null;
    location: number | null;
    market: number | null;
    embodied: number | null;
    water: number | null;
  }>(
    db,
    sql`WITH gone AS (DELETE FROM ${STAGING} WHERE upload_line = ANY(${lines}::int[]) RETURNING *)
     SELECT count(*)::int AS n, sum(it_energy_kwh) AS it, sum(facility_energy_kwh) AS facility,
       sum(location_kg_co2e) AS location, sum(market_kg_co2e) AS market, sum(embodied_kg_co2e) AS embodied,
       sum(water_onsite_l + water_offsite_l) AS water
     FROM gone`,
  );
  if (!gone || gone.n === 0) {
    return 0;
  }
  totals.records -= gone.n;
  totals.itEnergyKwh -= gone.it ?? 0;
  totals.facilityEnergyKwh -= gone.facility ?? 0;
  totals.locationKgCo2e -= gone.location ?? 0;
  totals.marketKgCo2e -= gone.market ?? 0;
  totals.embodiedKgCo2e -= gone.embodied ?? 0;
  totals.waterL -= gone.water ?? 0;
  return gone.n;
}

/** True when two staged rows share an external id (rows without record_id whose content is identical). */
export async function hasRepeatedExternalIds(db: TSqlRunner): Promise<boolean> {
  const rows = await queryRows<{ repeated: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM ${STAGING} GROUP BY external_id HAVING count(*) > 1) AS repeated`,
  );
  return rows[0]?.repeated === true;
}
