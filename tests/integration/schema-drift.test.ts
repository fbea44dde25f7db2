import { readFileSync } from 'node:fs';
import path from 'node:path';
import wasm from '@prisma/prisma-schema-wasm';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { migrateDatabase } from '../../scripts/db/migrate';
import { adminQuery, createTestDatabase } from '../support/test-database';
import { type DmmfDocument, expectedSchema, type SchemaShape } from './schema-shape';

// Drift guard: the database built by the SQL migrations must match prisma/schema.prisma exactly
// (tables, columns, types, nullability, enums, primary keys, unique keys, indexes, foreign keys).
const schemaText = readFileSync(path.resolve(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8');
const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as DmmfDocument;

let client: pg.Client;
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

async function actualSchema(): Promise<SchemaShape> {
  const columns = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: string;
    datetime_precision: number | null;
  }>(`SELECT table_name, column_name, data_type, udt_name, is_nullable, datetime_precision
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
  const indexes = await client.query<{
    table_name: string;
    columns: string[];
    is_unique: boolean;
    is_primary: boolean;
  }>(
    `SELECT t.relname AS table_name, i.indisunique AS is_unique, i.indisprimary AS is_primary,
            array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname <> '_prisma_migrations'
      GROUP BY t.relname, i.indexrelid, i.indisunique, i.indisprimary`,
  );
  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
  );
  const foreignKeys = await client.query<{
    table_name: string;
    columns: string[];
    ref_table: string;
    on_delete: string;
  }>(
    `SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS ref_table,
            c.confdeltype::text AS on_delete,
            array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns
       FROM pg_constraint c WHERE c.contype = 'f'`,
  );
  const shape: SchemaShape = { columns: [], indexes: [], enums: [], foreignKeys: [] };
  for (const c of columns.rows) {
    const type =
      c.data_type === 'ARRAY'
        ? `${c.udt_name.slice(1)}[]`
        : c.data_type === 'USER-DEFINED'
          ? c.udt_name
          : c.data_type;
    const precision = c.data_type.startsWith('timestamp') ? `(${c.datetime_precision})` : '';
    shape.columns.push(
      `${c.table_name}.${c.column_name} ${type}${precision} ${c.is_nullable === 'YES' ? 'NULL' : 'NOT NULL'}`,
    );
  }
  for (const i of indexes.rows) {
    const kind = i.is_primary ? 'PRIMARY' : i.is_unique ? 'UNIQUE' : 'INDEX';
    shape.indexes.push(`${i.table_name} ${kind} (${i.columns.join(', ')})`);
  }
  for (const e of enums.rows) {
    shape.enums.push(`${e.name}: ${e.values.join(', ')}`);
  }
  for (const f of foreignKeys.rows) {
    shape.foreignKeys.push(
      `${f.table_name.replaceAll('"', '')} (${f.columns.join(', ')}) -> ${f.ref_table.replaceAll('"', '')} ON DELETE ${f.on_delete}`,
    );
  }
  for (const list of Object.values(shape)) {
    list.sort();
  }
  return shape;
}

test('[schema] the migrated database matches schema.prisma', async () => {
  const expected = expectedSchema(dmmf);
  const actual = await actualSchema();
  expect(actual.enums).toEqual(expected.enums);
  expect(actual.columns).toEqual(expected.columns);
  expect(actual.indexes).toEqual(expected.indexes);
  expect(actual.foreignKeys).toEqual(expected.foreignKeys);
  expect(expected.columns.length).toBeGreaterThan(100);
});

test('[schema] the runner is idempotent and refuses an edited migration', async () => {
  expect(await migrateDatabase(databaseUrl)).toEqual([]);
  const rows = await client.query('SELECT migration_name, applied_steps_count FROM "_prisma_migrations"');
  expect(rows.rows.length).toBeGreaterThan(0);
  expect(rows.rows.every((r) => r.applied_steps_count === 1)).toBe(true);
  await client.query(`UPDATE "_prisma_migrations" SET checksum = 'edited'`);
  await expect(migrateDatabase(databaseUrl)).rejects.toThrow(/changed after it was applied/);
});

test('[schema] a failing migration is rolled back and not recorded', async () => {
  const name = `aif_test_broken_${Date.now()}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const brokenDir = path.resolve(import.meta.dirname, 'fixtures/broken-migrations');
  await expect(migrateDatabase(url.toString(), brokenDir)).rejects.toThrow(/20000101000001_broken failed/);
  const other = new pg.Client({ connectionString: url.toString() });
  await other.connect();
  try {
    const recorded = await other.query('SELECT migration_name FROM "_prisma_migrations" ORDER BY 1');
    expect(recorded.rows.map((r) => r.migration_name)).toEqual(['20000101000000_ok']);
    const tables = await other.query(`SELECT to_regclass('public.half_done') AS t`);
    expect(tables.rows[0].t).toBeNull();
  } finally {
    await other.end();
  }
});
