import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { migrateDatabase } from '../../scripts/db/migrate';
import { adminQuery } from '../support/test-database';

// The trigger functions behind the rollups (and the overview's data version) have one definition each in
// prisma/rollups/<family>.sql (docs/decisions/scale.md "Rollup triggers from one definition"). This test builds a
// database from every migration, then — inside a transaction that is rolled back — drops each family's functions
// (with their triggers), runs the canonical files and compares what PostgreSQL then holds with what the
// migrations left: function definitions (pg_get_functiondef, incl. the SET settings), settings (proconfig) and
// trigger definitions (pg_get_triggerdef), whitespace-normalised. A missing, extra or different function,
// setting or trigger in either place fails the test.

const ROLLUPS_DIR = path.resolve(import.meta.dirname, '../../prisma/rollups');

/** Canonical file → its functions' name test. Hand-counted expected sizes from the migrations. */
const FAMILIES = [
  { file: 'usage_rollup_daily.sql', owns: /^usage_rollup_(?!monthly_)/, functions: 6, triggers: 5 },
  { file: 'usage_rollup_monthly.sql', owns: /^usage_rollup_monthly_/, functions: 3, triggers: 3 },
  { file: 'usage_quality_daily.sql', owns: /^usage_quality_/, functions: 8, triggers: 5 },
  { file: 'usage_run_bound.sql', owns: /^usage_run_bound_/, functions: 4, triggers: 3 },
  { file: 'org_data_version.sql', owns: /^org_data_version_/, functions: 2, triggers: 7 },
] as const;

interface TFamilyShape {
  functions: Record<string, { definition: string; settings: string[] }>;
  triggers: Record<string, string>;
}

let client: pg.Client;

beforeAll(async () => {
  // A fresh, empty database migrated here (not the template clone), so the test sees exactly what the
  // migration files produce.
  const name = `aif_test_rollupdefs_${Date.now()}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
});

const normalise = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

async function familyFunctions(): Promise<{ oid: number; name: string; signature: string }[]> {
  const rows = await client.query<{ oid: number; name: string; signature: string }>(
    `SELECT p.oid, p.proname AS name, p.oid::regprocedure::text AS signature
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'public'
      WHERE p.prokind = 'f'`,
  );
  return rows.rows.filter((r) => FAMILIES.some((f) => f.owns.test(r.name)));
}

async function shapes(): Promise<Record<string, TFamilyShape>> {
  const fns = await client.query<{ name: string; definition: string; settings: string[] | null }>(
    `SELECT p.proname AS name, pg_get_functiondef(p.oid) AS definition, p.proconfig AS settings
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'public'
      WHERE p.prokind = 'f'`,
  );
  const triggers = await client.query<{ name: string; fn: string; definition: string }>(
    `SELECT t.tgname AS name, p.proname AS fn, pg_get_triggerdef(t.oid) AS definition
       FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE NOT t.tgisinternal`,
  );
  const out: Record<string, TFamilyShape> = {};
  for (const family of FAMILIES) {
    const shape: TFamilyShape = { functions: {}, triggers: {} };
    for (const f of fns.rows.filter((r) => family.owns.test(r.name))) {
      shape.functions[f.name] = { definition: normalise(f.definition), settings: f.settings ?? [] };
    }
    for (const t of triggers.rows.filter((r) => family.owns.test(r.fn))) {
      shape.triggers[t.name] = normalise(t.definition);
    }
    out[family.file] = shape;
  }
  return out;
}

test('[rollups] the migrated trigger functions, settings and triggers equal prisma/rollups/*.sql', async () => {
  // Every canonical file is checked (a new family must be listed in FAMILIES).
  expect(readdirSync(ROLLUPS_DIR).sort()).toEqual(FAMILIES.map((f) => f.file).sort());
  const live = await shapes();
  for (const family of FAMILIES) {
    expect(Object.keys(live[family.file]?.functions ?? {})).toHaveLength(family.functions);
    expect(Object.keys(live[family.file]?.triggers ?? {})).toHaveLength(family.triggers);
  }
  // Spot checks of settings added by later ALTER FUNCTIONs (20261201050000_ingest_trigger_plans).
  expect(live['usage_rollup_daily.sql']?.functions.usage_rollup_on_change?.settings).toEqual([
    'enable_sort=off',
    'enable_incremental_sort=off',
    'work_mem=64MB',
  ]);
  expect(live['usage_quality_daily.sql']?.functions.usage_quality_rebuild?.settings).toEqual([
    'work_mem=256MB',
    'enable_sort=off',
    'enable_incremental_sort=off',
  ]);

  await client.query('BEGIN');
  let canonical: Record<string, TFamilyShape>;
  try {
    for (const f of await familyFunctions()) {
      await client.query(`DROP FUNCTION ${f.signature} CASCADE`);
    }
    expect(await familyFunctions()).toEqual([]);
    for (const family of FAMILIES) {
      await client.query(readFileSync(path.join(ROLLUPS_DIR, family.file), 'utf8'));
    }
    canonical = await shapes();
  } finally {
    await client.query('ROLLBACK');
  }
  for (const family of FAMILIES) {
    expect(
      canonical[family.file],
      `prisma/rollups/${family.file} differs from the migrated database`,
    ).toEqual(live[family.file]);
  }
});
