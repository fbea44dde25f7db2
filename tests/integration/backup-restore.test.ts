import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoOrganization } from '@/lib/data/demo-seed';
import { replaceBundledFactorLibrary } from '@/lib/data/factor-library-load';
import { getPgPool } from '@/lib/data/pg-pool';
import { findRollupMismatches } from '@/lib/data/rollup-check';
import { ingestUpload } from '@/lib/data/uploads';
import { getPrisma } from '@/lib/db';
import { loadBundledFactorLibrary } from '@/lib/factors/load-bundled-factor-library';
import { backupDatabase } from '../../scripts/db/backup/backup-database';
import { restoreDatabase } from '../../scripts/db/backup/restore-database';
import { BASELINE_CSV } from '../support/hostile-corpus';
import { adminQuery, createTestDatabase } from '../support/test-database';
import { chunksOf, createOrgWithEditor } from '../support/upload-fixtures';

// db:backup / db:restore core: back up a database with the demo organisation and an upload, restore it into a
// fresh, empty database, and compare every table's row count and the footprint totals.

let sourceUrl: string;
let dir: string;

async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`);
      counts[name] = Number(r.rows[0]?.n);
    }
    const totals = await client.query(
      `SELECT org_id, count(*)::int AS records, sum(facility_energy_kwh) AS kwh, sum(location_kg_co2e) AS loc,
              sum(market_kg_co2e) AS mkt, sum(embodied_kg_co2e) AS emb, sum(water_onsite_l + water_offsite_l) AS water,
              md5(string_agg(id::text || content_hash || factor_refs::text, ',' ORDER BY id)) AS digest
       FROM usage_record GROUP BY org_id ORDER BY org_id`,
    );
    return { counts, totals: totals.rows };
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  sourceUrl = await createTestDatabase();
  process.env.DATABASE_URL = sourceUrl;
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), sourceUrl);
  await seedDemoOrganization({ computedAt: new Date('2026-11-01T00:00:00Z') });
  const ctx = await createOrgWithEditor('Backup');
  const { upload } = await ingestUpload(ctx, {
    fileName: 'b.csv',
    chunks: chunksOf(BASELINE_CSV),
    parse: {},
  });
  expect(upload.status).toBe('completed');
  dir = await mkdtemp(path.join(os.tmpdir(), 'aif-backup-'));
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
  await rm(dir, { recursive: true, force: true });
});

describe('logical backup and restore', () => {
  test('restore into a fresh database reproduces every row count and the totals', async () => {
    const manifest = await backupDatabase(sourceUrl, dir);
    const records = manifest.tables.find((t) => t.name === 'usage_record');
    expect(records?.rows).toBeGreaterThan(2000);
    expect(manifest.migrations.length).toBeGreaterThan(0);

    const fresh = `aif_restore_${Date.now()}`;
    await adminQuery(`CREATE DATABASE ${fresh}`);
    const freshUrl = Object.assign(new URL(sourceUrl), { pathname: `/${fresh}` }).toString();
    const result = await restoreDatabase(freshUrl, dir);
    expect(result.tables).toBe(manifest.tables.length);

    const [before, after] = await Promise.all([fingerprint(sourceUrl), fingerprint(freshUrl)]);
    expect(after.counts).toEqual(before.counts);
    expect(after.totals).toEqual(before.totals);
    expect(after.counts.usage_record).toBe(records?.rows);
    // Rollup tables (daily, monthly, run bounds, quality) equal the restored records: restoring must not add the
    // triggers' deltas on top of the restored rollup rows.
    const check = new pg.Client({ connectionString: freshUrl });
    await check.connect();
    try {
      expect(await findRollupMismatches(check)).toEqual([]);
    } finally {
      await check.end();
    }

    await expect(restoreDatabase(freshUrl, dir)).rejects.toThrow(/already holds data/);
    const replaced = await restoreDatabase(freshUrl, dir, { replace: true });
    expect(replaced.rows).toBe(result.rows);
    expect((await fingerprint(freshUrl)).totals).toEqual(before.totals);
  });

  test('a damaged archive is refused before anything is written', async () => {
    const empty = `aif_damaged_${Date.now()}`;
    await adminQuery(`CREATE DATABASE ${empty}`);
    const emptyUrl = Object.assign(new URL(sourceUrl), { pathname: `/${empty}` }).toString();
    await appendFile(path.join(dir, 'usage_record.copy.gz'), 'tampered');
    await expect(restoreDatabase(emptyUrl, dir)).rejects.toThrow(
      /checksum mismatch for usage_record.copy.gz/,
    );
    const client = new pg.Client({ connectionString: emptyUrl });
    await client.connect();
    const tables = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public'`);
    await client.end();
    expect(tables.rowCount).toBe(0);
  });
});
