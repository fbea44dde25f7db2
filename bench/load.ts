// Load benchmark (issue #10): `npm run bench:load [-- --seconds 20]` against the PRODUCTION build (`npx next build`
// first). Starts the app like the e2e server (fresh embedded Postgres with the demo seed, `next start` on
// 127.0.0.1:$PORT, Postgres on $E2E_PG_PORT), then runs three autocannon loads at once for a fixed time: dashboard pages (signed-in
// session), GET /api/v1/summary (bearer token) and POST /api/v1/uploads (a new 50-row file per request).
// Afterwards it checks that nothing failed or was lost/duplicated: 0 errors and non-2xx, every upload completed,
// records = seed + 50 × uploads, and each upload's stored totals equal the sum of its records.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { embeddedUrl } from '../scripts/db/embedded-postgres';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 30;
const port = Number(process.env.PORT ?? 3000);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54331);
const base = `http://127.0.0.1:${port}`;
const ROWS_PER_UPLOAD = 50;
const HEADER =
  'record_id,phase,started_at,ended_at,team,project,provider,region,accelerator_hours,energy_kwh';

function startServer(): ChildProcess {
  if (!existsSync(path.resolve('.next/BUILD_ID'))) {
    throw new Error('No production build: run `npx next build` first.');
  }
  return spawn(
    process.execPath,
    [path.resolve('node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/e2e-server.ts'],
    {
      // Capacity, not the API's rate limits (600 requests/min per token would answer most of these loads 429 on a
      // fast machine; the limits have their own tests): both per-token and per-organisation limits off (0).
      env: {
        ...process.env,
        E2E_PORT: String(port),
        E2E_PG_PORT: String(pgPort),
        API_RATE_LIMIT_PER_TOKEN: '0',
        API_RATE_LIMIT_PER_ORG: '0',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

async function waitForHealth(timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('the server did not become healthy');
}

async function signInCookie(): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: 'demo@aifootprint.local', password: 'footprint-demo' }),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (!response.ok || cookies.length === 0) {
    throw new Error(`sign-in failed: ${response.status}`);
  }
  return cookies.join('; ');
}

async function createToken(dbUrl: string): Promise<string> {
  process.env.DATABASE_URL = dbUrl;
  const { createApiTokenForMember } = await import('@/lib/server/access/api-token-cli');
  const created = await createApiTokenForMember({
    orgSlug: 'demo',
    email: 'demo@aifootprint.local',
    name: 'bench:load',
  });
  const { getPrisma } = await import('@/lib/server/db/prisma');
  await getPrisma().$disconnect();
  return created.token;
}

let uploadSeq = 0;
function nextUploadBody(): string {
  uploadSeq += 1;
  const lines = [HEADER];
  for (let i = 0; i < ROWS_PER_UPLOAD; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      `load-${uploadSeq}-${i},inference,2026-09-${day}T00:00:00Z,2026-09-${day}T06:00:00Z,load-team,load-project,aws,us-east-1,${1 + (i % 7)},${i % 3 === 0 ? 2.5 : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

type TResult = autocannon.Result;
/** autocannon's per-status counts (in its results since v7; not in @types/autocannon). */
type TStatusStats = { statusCodeStats?: Record<string, { count: number }> };
const run = (options: autocannon.Options): Promise<TResult> => autocannon(options);

function summarise(name: string, r: TResult) {
  return {
    name,
    requests: r.requests.total,
    rps: Math.round(r.requests.average * 10) / 10,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    // Which statuses, when any request was not 2xx: "429×12 500×1".
    statuses: Object.entries((r as TResult & TStatusStats).statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, stat]) => `${code}×${stat.count}`)
      .join(' '),
  };
}

async function verify(dbUrl: string, seedRecords: number) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    // autocannon stops at the deadline without waiting for responses: let in-flight uploads finish first.
    for (let i = 0; i < 120; i++) {
      const busy = await client.query(`SELECT 1 FROM upload WHERE status = 'processing' LIMIT 1`);
      if (busy.rowCount === 0) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const uploads = await client.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM upload WHERE file_name LIKE 'load-%' GROUP BY status`,
    );
    const records = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM usage_record');
    const mismatched = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM upload u
       WHERE u.file_name LIKE 'load-%' AND u.status = 'completed' AND abs(
         (u.summary->'totals'->>'facilityEnergyKwh')::float8 -
         (SELECT coalesce(sum(facility_energy_kwh), 0) FROM usage_record r WHERE r.upload_id = u.id)) > 1e-6`,
    );
    const completed = uploads.rows.find((u) => u.status === 'completed')?.n ?? 0;
    return {
      uploadsByStatus: Object.fromEntries(uploads.rows.map((u) => [u.status, u.n])),
      records: records.rows[0]?.n ?? 0,
      expectedRecords: seedRecords + completed * ROWS_PER_UPLOAD,
      uploadsWithTotalsMismatch: mismatched.rows[0]?.n ?? 0,
    };
  } finally {
    await client.end();
  }
}

async function main() {
  const server = startServer();
  const dbUrl = embeddedUrl(pgPort, 'ai_footprint');
  try {
    await waitForHealth();
    const [cookie, token] = await Promise.all([signInCookie(), createToken(dbUrl)]);
    const seed = new pg.Client({ connectionString: dbUrl });
    await seed.connect();
    const seedRecords =
      (await seed.query<{ n: number }>('SELECT count(*)::int AS n FROM usage_record')).rows[0]?.n ?? 0;
    await seed.end();
    const auth = { authorization: `Bearer ${token}` };
    const pages = ['/', '/records', '/uploads', '/reports', '/models'];
    const summaryPath = '/api/v1/summary?from=2025-05-01&to=2026-10-31&groupBy=month';
    // Warm-up (not measured): first renders, the factor-library cache and the first upload.
    for (const p of pages) {
      await fetch(`${base}${p}`, { headers: { cookie } });
    }
    await fetch(`${base}${summaryPath}`, { headers: auth });
    const warm = await fetch(`${base}/api/v1/uploads?fileName=load-0.csv`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv' },
      body: nextUploadBody(),
    });
    if (warm.status !== 201) {
      throw new Error(`warm-up upload failed: ${warm.status} ${await warm.text()}`);
    }
    const started = performance.now();
    const [pageResult, summaryResult, uploadResult] = await Promise.all([
      run({
        url: base,
        duration: seconds,
        connections: 2,
        timeout: 60,
        headers: { cookie },
        requests: pages.map((p) => ({ method: 'GET', path: p })),
      }),
      run({
        url: `${base}${summaryPath}`,
        duration: seconds,
        connections: 2,
        timeout: 60,
        headers: auth,
      }),
      run({
        url: `${base}/api/v1/uploads`,
        duration: seconds,
        connections: 1,
        timeout: 60,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const n = uploadSeq + 1;
              return {
                ...req,
                path: `/api/v1/uploads?fileName=load-${n}.csv`,
                headers: { ...auth, 'content-type': 'text/csv', 'x-file-name': `load-${n}.csv` },
                body: nextUploadBody(),
              };
            },
          },
        ],
      }),
    ]);
    const wallS = (performance.now() - started) / 1000;
    const rows = [
      summarise('dashboard pages', pageResult),
      summarise('summary API', summaryResult),
      summarise('uploads (50 rows)', uploadResult),
    ];
    console.table(rows);
    const check = await verify(dbUrl, seedRecords);
    console.log(JSON.stringify({ seconds, wallS: Math.round(wallS), seedRecords, ...check }, null, 2));
    const failures = rows.filter((r) => r.errors > 0 || r.non2xx > 0).map((r) => r.name);
    const lost = check.records !== check.expectedRecords || check.uploadsWithTotalsMismatch > 0;
    const notCompleted = Object.keys(check.uploadsByStatus).some((s) => s !== 'completed');
    console.log(`load_ok=${failures.length === 0 && !lost && !notCompleted}`);
    if (failures.length > 0 || lost || notCompleted) {
      process.exitCode = 1;
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

await main();
