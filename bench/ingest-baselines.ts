// Three more reference points for bench/ingest.ts (issue #4), measured after the ingest on the records it stored.
// The baseline (`raw_copy`) COPYs the 12-column CSV into a bare table; these load the STORED records
// (all ~55 columns, computed values and provenance included) so the remaining gap can be attributed:
//   records_copy: COPY into an empty `LIKE usage_record INCLUDING ALL` table — the same columns, defaults,
//                 NOT NULL/CHECK constraints and 5 indexes, no foreign key, no trigger;
//   usage_record_copy: COPY straight into usage_record itself for a second organisation, in a transaction rolled back
//                 afterwards — its 4 foreign-key checks per row and the rollup/quality/run-bound triggers
//                 included. No validation, computation, staging or upsert, but Postgres parses ~55 text
//                 columns and the provenance JSON per row;
//   storage_floor: INSERT … SELECT of the records loaded by records_copy into usage_record (rolled back): the
//                 same constraints and triggers with nothing to parse — the least any loader of these records
//                 into this schema pays (docs/BENCHMARKS.md, "Ingest").
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

export interface TBaselineTimes {
  recordsCopyMs: number;
  floorCopyMs: number;
  storageFloorMs: number;
}

/** Column names of usage_record except its generated id (the copies get fresh ids). */
async function recordColumns(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
      WHERE attrelid = 'usage_record'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'id'
      ORDER BY attnum`,
  );
  return rows.map((r) => r.name);
}

async function copyFile(client: pg.Client, sql: string, file: string): Promise<number> {
  const started = performance.now();
  await pipeline(createReadStream(file, { highWaterMark: 1 << 16 }), client.query(copyFrom(sql)));
  return performance.now() - started;
}

export async function timeRecordCopies(url: string, orgId: string, file: string): Promise<TBaselineTimes> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await recordColumns(client);
    const list = columns.map((c) => `"${c}"`).join(', ');
    const [floorOrg] = (
      await client.query<{ id: string }>(
        `INSERT INTO organization (name, slug, updated_at) VALUES ('Bench floor', $1, now()) RETURNING id`,
        [`bench-floor-${orgId}`],
      )
    ).rows;
    const floorOrgId = floorOrg?.id as string;
    // The stored records as COPY text, owned by the second organisation (the plain copy has no foreign keys).
    const select = columns.map((c) => (c === 'org_id' ? `$$${floorOrgId}$$::uuid AS org_id` : `"${c}"`));
    await pipeline(
      client.query(
        copyTo(
          `COPY (SELECT ${select.join(', ')} FROM usage_record WHERE org_id = '${orgId}') TO STDOUT WITH (FORMAT csv)`,
        ),
      ),
      createWriteStream(file),
    );
    await client.query('CREATE TABLE bench_records_copy (LIKE usage_record INCLUDING ALL)');
    const recordsCopyMs = await copyFile(
      client,
      `COPY bench_records_copy (${list}) FROM STDIN WITH (FORMAT csv)`,
      file,
    );
    await client.query('BEGIN');
    const floorCopyMs = await copyFile(
      client,
      `COPY usage_record (${list}) FROM STDIN WITH (FORMAT csv)`,
      file,
    );
    await client.query('ROLLBACK');
    // Nothing to parse at all: the loaded copy's rows (provenance already in its stored, compressed form)
    // inserted into usage_record — what storing these records costs the database itself.
    await client.query('BEGIN');
    const insertStarted = performance.now();
    await client.query(`INSERT INTO usage_record (${list}) SELECT ${list} FROM bench_records_copy`);
    const storageFloorMs = performance.now() - insertStarted;
    await client.query('ROLLBACK');
    await client.query('DROP TABLE bench_records_copy');
    await client.query('DELETE FROM organization WHERE id = $1', [floorOrgId]);
    return { recordsCopyMs, floorCopyMs, storageFloorMs };
  } finally {
    await client.end();
  }
}
