import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  HOURS,
  LARGE_COLUMNS,
  largeFactorSets,
  largeRecordLine,
  TEAMS,
} from '@/lib/large-seed/large-records';
import { argValue, LARGE_DATABASE, resolveLargeDatabase } from './db/large-database';
import { migrateDatabase } from './db/migrate';

// npm run db:seed:large -- --records 10000000 [--time-zone Europe/Berlin]
// Drops and recreates the separate database LARGE_DATABASE (default aifootprint_large; on DATABASE_URL's
// server or the embedded one), migrates it, creates one organisation (slug `large`) with 8 teams, 24 projects
// and an owner, then COPYs N deterministic records (lib/large-seed/large-records.ts) in a stream (memory stays
// flat: rows are generated chunk by chunk with back-pressure). Secondary indexes and rollup triggers are off
// (and foreign keys) during the COPY and rebuilt afterwards (faster than maintaining them row by row); the rollups are then
// rebuilt with usage_rollup_rebuild() (whose triggers fill usage_rollup_monthly), usage_run_bound_rebuild() and usage_quality_rebuild() and checked by `npm run db:check-rollups -- --database aifootprint_large`.

const records = Number(argValue('records', '1000000'));
const timeZone = argValue('time-zone', 'Europe/Berlin');
if (!Number.isInteger(records) || records <= 0) {
  throw new Error('--records must be a positive integer');
}
const INDEXES = [
  'CREATE INDEX "usage_record_org_id_started_at_idx" ON "usage_record"("org_id", "started_at")',
  `CREATE INDEX "usage_record_org_id_phase_started_at_idx" ON "usage_record"("org_id", "phase", "started_at") WHERE "phase" IN ('training', 'fine_tuning')`,
  'CREATE INDEX "usage_record_upload_id_idx" ON "usage_record"("upload_id")',
];

const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const log = (message: string) => console.log(`[seed:large ${elapsed()}] ${message}`);

const db = await resolveLargeDatabase(log);
const admin = new pg.Client({ connectionString: db.adminUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(LARGE_DATABASE)} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(LARGE_DATABASE)}`);
await admin.end();
await migrateDatabase(db.url);
log(`database ${LARGE_DATABASE} created and migrated; loading ${records.toLocaleString('en')} records`);

const client = new pg.Client({ connectionString: db.url });
await client.connect();
try {
  const org = await client.query<{ id: string }>(
    `INSERT INTO organization (name, slug, time_zone, updated_at) VALUES ('Large Org (synthetic)', 'large', $1, now())
     RETURNING id`,
    [timeZone],
  );
  const orgId = org.rows[0]?.id ?? '';
  await client.query(
    `INSERT INTO "user" (id, name, email, email_verified, updated_at)
     VALUES ('large-owner', 'Large Owner', 'owner@large.aifootprint.local', true, now())`,
  );
  await client.query(`INSERT INTO membership (org_id, user_id, role) VALUES ($1, 'large-owner', 'owner')`, [
    orgId,
  ]);
  const teamIds: string[] = [];
  const projectIds: string[] = [];
  for (const team of TEAMS) {
    const t = await client.query<{ id: string }>(
      `INSERT INTO team (org_id, slug, name) VALUES ($1, $2, $3) RETURNING id`,
      [orgId, team, team.replace('-', ' ').replace(/^./, (c) => c.toUpperCase())],
    );
    const teamId = t.rows[0]?.id ?? '';
    teamIds.push(teamId);
    for (const k of [1, 2, 3]) {
      const p = await client.query<{ id: string }>(
        `INSERT INTO project (org_id, team_id, slug, name) VALUES ($1, $2, $3, $4) RETURNING id`,
        [orgId, teamId, `${team}-p${k}`, `${team} project ${k}`],
      );
      projectIds.push(p.rows[0]?.id ?? '');
    }
  }
  // The few provenance sets of the synthetic records (zone × flags), stored once (issue #20).
  const factorSetIds = new Map<string, string>();
  for (const set of largeFactorSets()) {
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO factor_set (org_id, hash, factors, methodology_version, assumption_flags)
       VALUES ($1, factor_set_hash($2::jsonb, $3, $4::text[]), $2::jsonb, $3, $4::text[]) RETURNING id::text AS id`,
      [orgId, JSON.stringify(set.factors), set.methodologyVersion, set.assumptionFlags],
    );
    factorSetIds.set(set.key, inserted.rows[0]?.id ?? '');
  }
  const refs = { orgId, teamIds, projectIds, factorSetIds, computedAt: '2026-11-29T00:00:00.000Z' };

  await client.query('ALTER TABLE usage_record DISABLE TRIGGER USER');
  // Foreign keys are checked row by row during COPY; dropping and re-adding them validates once, set-based.
  const fks = await client.query<{ name: string; def: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = 'usage_record'::regclass AND contype = 'f'`,
  );
  for (const fk of fks.rows) {
    await client.query(`ALTER TABLE usage_record DROP CONSTRAINT ${pg.escapeIdentifier(fk.name)}`);
  }
  for (const sql of INDEXES) {
    await client.query(`DROP INDEX IF EXISTS ${sql.split('"')[1]}`);
  }
  const CHUNK = 5000;
  const step = Math.max(CHUNK, Math.ceil(records / 10 / CHUNK) * CHUNK);
  let next = 0;
  const source = Readable.from(
    (function* () {
      while (next < records) {
        const end = Math.min(records, next + CHUNK);
        let text = '';
        for (let i = next; i < end; i += 1) {
          text += largeRecordLine(i, refs);
        }
        next = end;
        if (next % step === 0 || next === records) {
          const rate = Math.round(next / ((performance.now() - t0) / 1000));
          log(
            `${next.toLocaleString('en')} / ${records.toLocaleString('en')} rows (${rate.toLocaleString('en')} rows/s overall), rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
          );
        }
        yield text;
      }
    })(),
  );
  const copyStarted = performance.now();
  await pipeline(
    source,
    client.query(copyFrom(`COPY usage_record (${LARGE_COLUMNS.join(', ')}) FROM STDIN (FORMAT csv)`)),
  );
  const copySeconds = (performance.now() - copyStarted) / 1000;
  log(`COPY done: ${Math.round(records / copySeconds).toLocaleString('en')} rows/s`);
  for (const sql of INDEXES) {
    await client.query(sql);
  }
  for (const fk of fks.rows) {
    await client.query(`ALTER TABLE usage_record ADD CONSTRAINT ${pg.escapeIdentifier(fk.name)} ${fk.def}`);
  }
  log('secondary indexes and foreign keys rebuilt');
  // The daily rebuild also fills usage_rollup_monthly (its triggers on usage_rollup_daily stay on); the run
  // bounds' trigger is on usage_record (off during the COPY), so they are rebuilt explicitly.
  await client.query('SELECT usage_rollup_rebuild($1)', [orgId]);
  await client.query('SELECT usage_run_bound_rebuild($1)', [orgId]);
  await client.query('SELECT usage_quality_rebuild($1)', [orgId]);
  await client.query('ALTER TABLE usage_record ENABLE TRIGGER USER');
  const rollups = await client.query<{ n: string; monthly: string; bounds: string; quality: string }>(
    `SELECT (SELECT COUNT(*) FROM usage_rollup_daily) AS n, (SELECT COUNT(*) FROM usage_rollup_monthly) AS monthly,
            (SELECT COUNT(*) FROM usage_run_bound) AS bounds, (SELECT COUNT(*) FROM usage_quality_daily) AS quality`,
  );
  log(
    `rollups rebuilt: ${rollups.rows[0]?.n} daily rows, ${rollups.rows[0]?.monthly} monthly rows, ${rollups.rows[0]?.bounds} run-bound rows, ${rollups.rows[0]?.quality} quality rows`,
  );
  await client.query('VACUUM (ANALYZE) usage_record');
  await client.query('VACUUM (ANALYZE) usage_rollup_daily');
  await client.query('VACUUM (ANALYZE) usage_rollup_monthly');
  await client.query('VACUUM (ANALYZE) usage_run_bound');
  await client.query('VACUUM (ANALYZE) usage_quality_daily');
  const size = await client.query<{ records: string; rollup: string; quality: string }>(
    `SELECT pg_size_pretty(pg_total_relation_size('usage_record')) AS records,
            pg_size_pretty(pg_total_relation_size('usage_rollup_daily')) AS rollup,
            pg_size_pretty(pg_total_relation_size('usage_quality_daily')) AS quality`,
  );
  log(
    `done: ${records.toLocaleString('en')} records (${Math.ceil(records / HOURS)} hourly series), ` +
      `usage_record ${size.rows[0]?.records}, usage_rollup_daily ${size.rows[0]?.rollup}, usage_quality_daily ${size.rows[0]?.quality}, peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
  console.log(`DATABASE_URL for this database: ${db.url}`);
} finally {
  await client.end();
  await db.stop();
}
