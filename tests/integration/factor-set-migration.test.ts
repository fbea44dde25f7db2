import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, test, vi } from 'vitest';
import { toRecordDetail } from '@/lib/server/http/record-detail';
import { getQuarterAggregates } from '@/lib/server/reports/quarter-aggregates';
import { findQualityRollupMismatches } from '@/lib/server/rollups/quality-rollup-check';
import { findRollupMismatches } from '@/lib/server/rollups/rollup-check';
import { getUsageRecordDetail } from '@/lib/server/usage/usage-record-detail';
import { MIGRATIONS_DIR, migrateDatabase, readMigrations } from '../../scripts/db/migrate';
import { expectSameFigures } from '../support/expect-same-figures';
import { adminQuery } from '../support/test-database';

// Issue #20: the factor_set migration converts a database written by the previous schema in place.
// 1. A database migrated up to the migration before it gets records inserted the old way (factor_refs JSON on
//    every row, hex content hashes), then the migration runs: same provenance, one set per distinct content and
//    organisation, progress lines per batch of 50,000.
// 2. The demo organisation: record detail, API shape and the report (factor register, quality) are the same
//    before and after converting its records from the previous layout.

const MIGRATION = '20261207001500_factor_set_storage';

let client: pg.Client;
let url: string;
let orgA: string;
let orgB: string;
const progress: string[] = [];

// Hand-written provenance as the previous schema stored it ({ factors, marketAllocations } per record).
const FACTORS_1 = [
  {
    id: 'grid-FR-2025',
    kind: 'grid-intensity',
    value: 56,
    unit: 'gCO2e/kWh',
    source: 'RTE eco2mix',
    datasetVersion: '2025',
    basis: 'lifecycle',
  },
  {
    id: 'pue-default',
    kind: 'pue',
    value: 1.2,
    unit: 'ratio',
    source: 'Uptime 2024',
    datasetVersion: '2024',
  },
];
const FACTORS_2 = [{ ...(FACTORS_1[0] as object), value: 61 }];
const ALLOCATIONS = [{ contractId: 'ppa-1', instrumentType: 'PPA', energyKwh: 3, gCo2ePerKwh: 0 }];

/** Inserts records in the previous layout; `n` > 1 repeats one shape under numbered external ids. */
async function insertOld(
  orgId: string,
  externalId: string,
  doc: { factors: unknown[]; marketAllocations: unknown[] },
  methodology: string,
  flags: string[],
  n = 1,
) {
  await client.query(
    `INSERT INTO usage_record (org_id, external_id, content_hash, phase, started_at, ended_at, device_hours,
       it_energy_kwh, facility_energy_kwh, pue_applied, intensity_g_co2e_per_kwh, intensity_source, basis,
       location_kg_co2e, market_kg_co2e, market_matched_kwh, embodied_kg_co2e, water_onsite_l, water_offsite_l,
       uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, is_measured, methodology_version, factor_refs,
       assumption_flags, computed_at, updated_at)
     SELECT $1, e.id, encode(sha256(convert_to(e.id, 'UTF8')), 'hex'), 'training',
       timestamptz '2026-08-01 10:00:00+00' + make_interval(hours => g % 500),
       timestamptz '2026-08-01 11:00:00+00' + make_interval(hours => g % 500),
       1, 1, 1.2, 1.2, 56, 'test', 'lifecycle', 0.0672, 0.0672, 0, 0, 0, 0, 0.05, 0.09, false, $4, $5::jsonb,
       $6::text[], now(), now()
       FROM generate_series(1, $3::int) AS g
       CROSS JOIN LATERAL (SELECT CASE WHEN $3::int = 1 THEN $2 ELSE $2 || '-' || g END AS id) e`,
    [orgId, externalId, n, methodology, JSON.stringify(doc), flags],
  );
}

beforeAll(async () => {
  const name = `aif_test_factorset_${Date.now()}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const admin = new URL(inject('adminDatabaseUrl'));
  admin.pathname = `/${name}`;
  url = admin.toString();
  process.env.DATABASE_URL = url;
  // The previous schema: every migration before this one (copied to a folder of their own).
  const previous = await mkdtemp(path.join(tmpdir(), 'aif-previous-migrations-'));
  for (const m of await readMigrations()) {
    if (m.name < MIGRATION) {
      await cp(path.join(MIGRATIONS_DIR, m.name), path.join(previous, m.name), { recursive: true });
    }
  }
  await migrateDatabase(url, previous);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  const org = async (slug: string) =>
    (
      await client.query<{ id: string }>(
        `INSERT INTO organization (name, slug, updated_at) VALUES ($1, $1, now()) RETURNING id`,
        [slug],
      )
    ).rows[0]?.id as string;
  orgA = await org('factor-set-a');
  orgB = await org('factor-set-b');
  const flags = ['UTILIZATION_DEFAULT'];
  await insertOld(orgA, 'a-1', { factors: FACTORS_1, marketAllocations: [] }, '2026.11.0', flags);
  await insertOld(orgA, 'a-2', { factors: FACTORS_1, marketAllocations: [] }, '2026.11.0', flags);
  await insertOld(orgA, 'a-3', { factors: FACTORS_1, marketAllocations: [] }, '2026.11.0', []);
  await insertOld(orgA, 'a-4', { factors: FACTORS_1, marketAllocations: ALLOCATIONS }, '2026.11.0', flags);
  await insertOld(orgB, 'b-1', { factors: FACTORS_1, marketAllocations: [] }, '2026.11.0', flags);
  // 60,000 more: two batches of the conversion (50,000 + 10,005 with the five above).
  await insertOld(orgA, 'bulk', { factors: FACTORS_2, marketAllocations: [] }, '2026.11.0', [], 60_000);
  const write = process.stderr.write.bind(process.stderr);
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    progress.push(String(chunk));
    return write(chunk);
  });
  try {
    await migrateDatabase(url);
  } finally {
    spy.mockRestore();
  }
}, 300_000);

afterAll(async () => {
  await client?.end();
});

test('[migration] previous-schema records keep their provenance, stored once per set and organisation', async () => {
  expect(progress.filter((l) => l.includes(MIGRATION))).toEqual([
    `${MIGRATION}: factor_set conversion: 50000 of 60005 records\n`,
    `${MIGRATION}: factor_set conversion: 60005 of 60005 records\n`,
  ]);
  // Distinct (factors, methodology, flags) per organisation: A has FACTORS_1 with and without the flag and
  // FACTORS_2; B its own copy of FACTORS_1 with the flag. Allocations are per record, not part of a set.
  const sets = await client.query<{ org_id: string; n: number }>(
    `SELECT org_id, count(*)::int AS n FROM factor_set GROUP BY org_id ORDER BY n DESC`,
  );
  expect(sets.rows).toEqual([
    { org_id: orgA, n: 3 },
    { org_id: orgB, n: 1 },
  ]);
  const same = await client.query<{ ext: string; set: string }>(
    `SELECT external_id AS ext, factor_set_id::text AS set FROM usage_record
      WHERE external_id IN ('a-1', 'a-2', 'a-3', 'a-4', 'b-1') ORDER BY external_id`,
  );
  const setOf = Object.fromEntries(same.rows.map((r) => [r.ext, r.set]));
  expect(setOf['a-2']).toBe(setOf['a-1']);
  expect(setOf['a-4']).toBe(setOf['a-1']);
  expect(setOf['a-3']).not.toBe(setOf['a-1']);
  expect(setOf['b-1']).not.toBe(setOf['a-1']);

  const detail = async (orgId: string, externalId: string) => {
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM usage_record WHERE org_id = $1 AND external_id = $2',
      [orgId, externalId],
    );
    const found = await getUsageRecordDetail({ orgId }, rows[0]?.id as string);
    return found && toRecordDetail(found);
  };
  const a4 = await detail(orgA, 'a-4');
  expect(a4?.factorRefs).toEqual(FACTORS_1);
  expect(a4?.methodologyVersion).toBe('2026.11.0');
  expect(a4?.assumptionFlags).toEqual(['UTILIZATION_DEFAULT']);
  expect((await getUsageRecordDetail({ orgId: orgA }, a4?.id as string))?.marketAllocations).toEqual(
    ALLOCATIONS,
  );
  const a3 = await detail(orgA, 'a-3');
  expect(a3?.assumptionFlags).toEqual([]);
  expect((await getUsageRecordDetail({ orgId: orgA }, a3?.id as string))?.marketAllocations).toEqual([]);
  expect((await detail(orgA, 'bulk-60000'))?.factorRefs).toEqual(FACTORS_2);
  expect((await detail(orgB, 'b-1'))?.factorRefs).toEqual(FACTORS_1);
  // Content hashes are the same SHA-256, now as 32 raw bytes.
  const hashes = await client.query<{ ok: boolean; len: number }>(
    `SELECT bool_and(content_hash = sha256(convert_to(external_id, 'UTF8'))) AS ok, max(length(content_hash)) AS len
       FROM usage_record`,
  );
  expect(hashes.rows[0]).toEqual({ ok: true, len: 32 });
  // The quality rollups the previous triggers wrote still equal the records read through their sets.
  expect(await findQualityRollupMismatches(client)).toEqual([]);
  expect(await findRollupMismatches(client)).toEqual([]);
}, 120_000);

/** Rebuilds the previous layout of usage_record from the converted one (test only: the reverse of the migration). */
async function restorePreviousLayout() {
  await client.query('BEGIN');
  await client.query('ALTER TABLE usage_record DISABLE TRIGGER USER');
  await client.query(`ALTER TABLE usage_record ADD COLUMN factor_refs JSONB, ADD COLUMN methodology_version TEXT,
    ADD COLUMN assumption_flags TEXT[], ADD COLUMN created_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    ADD COLUMN updated_at TIMESTAMPTZ(3) NOT NULL DEFAULT now()`);
  await client.query(`UPDATE usage_record r SET
      factor_refs = jsonb_build_object('factors', fs.factors, 'marketAllocations', COALESCE(r.market_allocations, '[]'::jsonb)),
      methodology_version = fs.methodology_version, assumption_flags = fs.assumption_flags
    FROM factor_set fs WHERE fs.id = r.factor_set_id`);
  await client.query(`ALTER TABLE usage_record ALTER COLUMN factor_refs SET NOT NULL,
    ALTER COLUMN methodology_version SET NOT NULL,
    ALTER COLUMN content_hash TYPE TEXT USING encode(content_hash, 'hex'),
    DROP COLUMN factor_set_id, DROP COLUMN market_allocations`);
  await client.query('DROP TABLE factor_set');
  await client.query('DROP FUNCTION factor_set_hash(JSONB, TEXT, TEXT[])');
  // The previous index covered every phase (the migration makes it partial).
  await client.query('DROP INDEX "usage_record_org_id_phase_started_at_idx"');
  await client.query(
    'CREATE INDEX "usage_record_org_id_phase_started_at_idx" ON "usage_record"("org_id", "phase", "started_at")',
  );
  await client.query('ALTER TABLE usage_record ENABLE TRIGGER USER');
  await client.query('COMMIT');
}

test('[migration] the demo organisation shows the same provenance before and after the conversion', async () => {
  const { replaceBundledFactorLibrary } = await import('@/lib/server/factors/factor-library-load');
  const { loadBundledFactorLibrary } = await import('@/lib/server/factors/load-bundled-factor-library');
  const { seedDemoOrganization } = await import('@/lib/server/demo/demo-seed');
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), url);
  const { orgId } = await seedDemoOrganization({ computedAt: new Date('2026-11-29T00:00:00Z') });
  const ids = (
    await client.query<{ id: string }>('SELECT id FROM usage_record WHERE org_id = $1 ORDER BY id', [orgId])
  ).rows.map((r) => r.id);
  expect(ids.length).toBeGreaterThan(2000);
  const read = async () => {
    const details = [];
    for (const id of ids) {
      const d = await getUsageRecordDetail({ orgId }, id);
      details.push(d && { page: d, api: toRecordDetail(d) });
    }
    // The report: its provenance sections (factor register, flags, methodology versions, contracts) compared
    // exactly; every figure to 1e-9 relative, because sums over raw records follow the physical row order, which
    // the table rewrite changes (last bits only).
    const report = async (key: string, readPlan?: 'raw') => {
      const all = await getQuarterAggregates({ orgId, readPlan }, key);
      const { factors, assumptionFlags, methodologyVersions } = all;
      const contracts = all.contractUse.map(({ contractId, instrumentType }) => ({
        contractId,
        instrumentType,
      }));
      return { provenance: { factors, assumptionFlags, methodologyVersions, contracts }, all };
    };
    return {
      details,
      q3: await report('2026-Q3'),
      q3Raw: await report('2026-Q3', 'raw'),
      year: await report('2026'),
    };
  };
  const before = await read();
  // The demo data exercises what the conversion must keep: contracts (allocations), flags, several factors.
  expect(before.details.some((d) => (d?.page.marketAllocations.length ?? 0) > 0)).toBe(true);
  expect(before.details.some((d) => (d?.api.assumptionFlags.length ?? 0) > 0)).toBe(true);
  expect(before.q3.provenance.factors.length).toBeGreaterThan(3);
  expect(before.q3.provenance.contracts.length).toBeGreaterThan(0);

  await restorePreviousLayout();
  const sql = await readFile(path.join(MIGRATIONS_DIR, MIGRATION, 'migration.sql'), 'utf8');
  await client.query('BEGIN');
  await client.query(sql);
  await client.query('COMMIT');

  const after = await read();
  expect(after.details).toEqual(before.details);
  for (const key of ['q3', 'q3Raw', 'year'] as const) {
    expect(after[key].provenance, key).toEqual(before[key].provenance);
    expectSameFigures(after[key].all, before[key].all);
  }
  expect(await findQualityRollupMismatches(client, orgId)).toEqual([]);
}, 600_000);
