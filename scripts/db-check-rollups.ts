import pg from 'pg';
import { findRollupMismatches } from '@/lib/server/rollups/rollup-check';
import { argValue } from './db/large-database';
import { resolveDatabase } from './db/resolve-database';

// npm run db:check-rollups [-- --database aifootprint_large] [--org <uuid>]
// Compares usage_rollup_daily and usage_quality_daily with sums over usage_record, usage_rollup_monthly with the
// daily rows, and checks that usage_run_bound bounds every run, per organisation (lib/server/rollups/rollup-check.ts) on
// DATABASE_URL or the embedded database (optionally another database on the same server). Exit 1 with the
// differing keys and columns on any mismatch.
const db = await resolveDatabase(console.log);
const url = new URL(db.url);
const database = argValue('database', '');
if (database) {
  url.pathname = `/${database}`;
}
const orgArg = argValue('org', '');
const client = new pg.Client({ connectionString: url.toString() });
let failed = false;
try {
  await client.connect();
  const started = performance.now();
  const orgs = await client.query<{
    id: string;
    slug: string;
    records: string;
    rollups: string;
    quality: string;
  }>(
    `SELECT o.id, o.slug,
            (SELECT COUNT(*) FROM usage_record r WHERE r.org_id = o.id) AS records,
            (SELECT COUNT(*) FROM usage_rollup_daily u WHERE u.org_id = o.id) AS rollups,
            (SELECT COUNT(*) FROM usage_quality_daily q WHERE q.org_id = o.id) AS quality
       FROM organization o ${orgArg ? 'WHERE o.id = $1' : ''} ORDER BY o.slug`,
    orgArg ? [orgArg] : [],
  );
  for (const org of orgs.rows) {
    const mismatches = await findRollupMismatches(client, org.id);
    const status = mismatches.length === 0 ? 'OK ' : 'MISMATCH';
    console.log(
      `${status} ${org.slug}: ${org.records} records, ${org.rollups} rollup rows, ${org.quality} quality rows`,
    );
    for (const m of mismatches.slice(0, 20)) {
      console.log(`  ${m.column} raw=${m.raw} rollup=${m.rollup} key=${JSON.stringify(m.key)}`);
    }
    failed ||= mismatches.length > 0;
  }
  const orphans = await client.query<{ n: string }>(
    `SELECT (SELECT COUNT(*) FROM usage_rollup_daily u WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = u.org_id))
          + (SELECT COUNT(*) FROM usage_rollup_monthly u WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = u.org_id))
          + (SELECT COUNT(*) FROM usage_run_bound u WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = u.org_id))
          + (SELECT COUNT(*) FROM usage_quality_daily q WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = q.org_id)) AS n`,
  );
  if (Number(orphans.rows[0]?.n) > 0) {
    console.log(`MISMATCH ${orphans.rows[0]?.n} rollup rows of deleted organisations`);
    failed = true;
  }
  console.log(
    `${failed ? 'Rollups differ from the raw records.' : 'Rollups equal the raw sums.'} (${orgs.rowCount} organisation(s), ${Math.round(performance.now() - started)} ms)`,
  );
} finally {
  await client.end();
  await db.stop();
}
process.exit(failed ? 1 : 0);
