import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { seedDemoOrganization } from '@/lib/server/demo/demo-seed';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { findRollupMismatches } from '@/lib/server/rollups/rollup-check';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
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
      `SELECT r.org_id, count(*)::int AS records, sum(facility_energy_kwh) AS kwh, sum(location_kg_co2e) AS loc,
              sum(market_kg_co2e) AS mkt, sum(embodied_kg_co2e) AS emb, sum(water_onsite_l + water_offsite_l) AS water,
              md5(string_agg(r.id::text || encode(r.content_hash, 'hex') || fs.factors::text || fs.methodology_version
                || COALESCE(r.market_allocations::text, ''), ',' ORDER BY r.id)) AS digest
       FROM usage_record r JOIN factor_set fs ON fs.id = r.factor_set_id GROUP BY r.org_id ORDER BY r.org_id`,
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

  test('backups are private (0700 directory, 0600 files) and hold no session token or webhook secret', async () => {
    const prisma = getPrisma();
    const member = await createOrgWithEditor('Secrets');
    const sessionToken = `session-${randomBytes(16).toString('hex')}`;
    const webhookSecret = `whsec-${randomBytes(16).toString('hex')}`;
    const verificationValue = `verify-${randomBytes(16).toString('hex')}`;
    await prisma.session.create({
      data: {
        id: `s-${randomBytes(4).toString('hex')}`,
        token: sessionToken,
        userId: member.userId,
        expiresAt: new Date('2030-01-01T00:00:00Z'),
      },
    });
    await prisma.verification.create({
      data: {
        id: `v-${randomBytes(4).toString('hex')}`,
        identifier: 'backup-test@example.test',
        value: verificationValue,
        expiresAt: new Date('2030-01-01T00:00:00Z'),
      },
    });
    await prisma.alertWebhook.create({
      data: {
        orgId: member.orgId,
        url: 'https://hooks.example.test/aif',
        secret: webhookSecret,
        enabled: true,
      },
    });
    const secrets = [sessionToken, webhookSecret, verificationValue];
    const parent = await mkdtemp(path.join(os.tmpdir(), 'aif-backup-modes-'));
    try {
      const expectPrivate = async (backupDir: string) => {
        expect((await stat(backupDir)).mode & 0o777, backupDir).toBe(0o700);
        const files = await readdir(backupDir);
        expect(files).toContain('manifest.json');
        for (const file of files) {
          const full = path.join(backupDir, file);
          expect((await stat(full)).mode & 0o777, file).toBe(0o600);
          const raw = await readFile(full);
          const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
          for (const secret of secrets) {
            expect(text.includes(secret), `${file} holds ${secret.split('-')[0]}`).toBe(false);
          }
        }
      };

      // The library call (what db:backup runs with the built-in archive), into a directory it creates.
      const direct = path.join(parent, 'nested', 'direct');
      const manifest = await backupDatabase(sourceUrl, direct);
      await expectPrivate(direct);
      expect(manifest.tables.map((t) => t.name)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(session|verification|alert_webhook)$/)]),
      );

      // The command itself (npm run db:backup) with the default umask of a shell (022).
      const viaCli = path.join(parent, 'cli');
      const root = path.resolve(import.meta.dirname, '../..');
      const cli = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--conditions=react-server', 'scripts/db-backup.ts', '--out', viaCli],
        { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, DATABASE_URL: sourceUrl } },
      );
      expect(cli.stderr).toBe('');
      expect(cli.status).toBe(0);
      await expectPrivate(viaCli);

      // Restore still works; the restored database has no sessions (everyone signs in again) and no webhook
      // (owners set URL and a new secret again); members and their password hashes are there.
      const fresh = `aif_private_${Date.now()}`;
      await adminQuery(`CREATE DATABASE ${fresh}`);
      const freshUrl = Object.assign(new URL(sourceUrl), { pathname: `/${fresh}` }).toString();
      await restoreDatabase(freshUrl, viaCli);
      const [before, after] = await Promise.all([fingerprint(sourceUrl), fingerprint(freshUrl)]);
      expect(before.counts.session).toBe(1);
      expect(before.counts.alert_webhook).toBe(1);
      expect(after.counts.session).toBe(0);
      expect(after.counts.verification).toBe(0);
      expect(after.counts.alert_webhook).toBe(0);
      expect(after.counts.user).toBe(before.counts.user);
      expect(after.counts.account).toBe(before.counts.account);
      expect(after.totals).toEqual(before.totals);

      // --replace also drops the sessions of the database it replaces.
      const target = new pg.Client({ connectionString: freshUrl });
      await target.connect();
      try {
        await target.query(
          `INSERT INTO session (id, token, user_id, expires_at, updated_at) VALUES ('stale', 'stale-token', $1, now() + interval '1 day', now())`,
          [member.userId],
        );
        await restoreDatabase(freshUrl, viaCli, { replace: true });
        expect((await target.query('SELECT 1 FROM session')).rowCount).toBe(0);
      } finally {
        await target.end();
      }
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
