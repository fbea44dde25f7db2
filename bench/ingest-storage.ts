// Storage per record after the ingest (issue #20): pg_total_relation_size (heap, TOAST, every index) of the
// record table and its provenance table, divided by the stored rows. Measured right after the ingest, before the
// reference loads of bench/ingest-baselines.ts leave rolled-back (dead) rows in usage_record.
import pg from 'pg';

export interface TRecordStorage {
  rows: number;
  recordBytes: number;
  factorSetBytes: number;
  factorSets: number;
  bytesPerRecord: number;
  /** Where the bytes are: heap (incl. TOAST and maps), each index, average tuple size — bytes per record. */
  breakdown: string;
}

export async function measureRecordStorage(url: string): Promise<TRecordStorage> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
    // factor_set exists from the lean-storage migration on (issue #20); before it, it counts as 0 bytes.
    const hasSets =
      (await client.query("SELECT to_regclass('factor_set') IS NOT NULL AS ok")).rows[0]?.ok === true;
    const n = await count('SELECT count(*)::text AS n FROM usage_record');
    const recordBytes = await count("SELECT pg_total_relation_size('usage_record')::text AS n");
    const factorSetBytes = hasSets
      ? await count("SELECT pg_total_relation_size('factor_set')::text AS n")
      : 0;
    const factorSets = hasSets ? await count('SELECT count(*)::text AS n FROM factor_set') : 0;
    const parts = await client.query<{ name: string; bytes: string }>(
      `SELECT 'heap' AS name, (pg_total_relation_size('usage_record') - pg_indexes_size('usage_record'))::text AS bytes
       UNION ALL
       SELECT i.indexrelid::regclass::text, pg_relation_size(i.indexrelid)::text
         FROM pg_index i WHERE i.indrelid = 'usage_record'::regclass
       UNION ALL
       SELECT 'avg_tuple', COALESCE(avg(pg_column_size(r.*)), 0)::bigint::text FROM usage_record r`,
    );
    const breakdown = parts.rows
      .map(
        (p) => `${p.name}=${p.name === 'avg_tuple' ? p.bytes : n > 0 ? Math.round(Number(p.bytes) / n) : 0}`,
      )
      .join(' ');
    return {
      breakdown,
      rows: n,
      recordBytes,
      factorSetBytes,
      factorSets,
      bytesPerRecord: n > 0 ? Math.round((recordBytes + factorSetBytes) / n) : 0,
    };
  } finally {
    await client.end();
  }
}

export function recordStorageLine(s: TRecordStorage): string {
  return `record_storage: bytes_per_record=${s.bytesPerRecord} (pg_total_relation_size of usage_record ${s.recordBytes} + factor_set ${s.factorSetBytes} [${s.factorSets} sets] ÷ ${s.rows} rows; target ≤ 400); per record: ${s.breakdown}`;
}
