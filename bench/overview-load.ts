// The overview page as users get it (issue #17 item 13): `npm run bench:overview [-- --connections 50 --duration 30
// --views 30]`. Needs the production build (`npx next build`) and the large database (`npm run db:seed:large`,
// same EMBEDDED_PG_PORT / EMBEDDED_PG_DIR or DATABASE_URL). Starts `npm start`'s server (scripts/start.ts →
// scripts/next-server.mjs) on 127.0.0.1:PORT (default 3150) against the large database, gives the large
// organisation's owner a password and signs in through POST /api/auth/sign-in/email, then times the HTML of GET /
// (full response, every streamed panel included):
//  1. one user: `--views` sequential views (cached: nothing written in between), and 10 views each right after a
//     write (the organisation's settings touched, so the data version moves and every read is recomputed);
//  2. `--connections` connections for `--duration` s with autocannon (30 s client timeout);
//  3. recovery: one view right after the load stops (the abandoned in-flight requests must not delay it).
// Prints the figures and one `MET|MISSED` line per target. Requests go only to 127.0.0.1. `next start` MIGRATES
// the database it is given and this bench writes a credential row and organisation updated_at there.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { hashPassword } from 'better-auth/crypto';
import { getPrisma } from '@/lib/server/db/prisma';
import { intArg, machineLine, openLargeOrg, percentile } from './support/large-org';

const TARGET_ONE_USER_P95_MS = 500;
const TARGET_LOAD_P95_MS = 3000;
const TARGET_RECOVERY_MS = 1000;
const CLIENT_TIMEOUT_S = 30;
const connections = intArg('connections', 50);
const duration = intArg('duration', 30);
const views = intArg('views', 30);
const port = Number(process.env.PORT ?? 3150);
const base = `http://127.0.0.1:${port}`;
const PASSWORD = 'bench-overview-password';
const EMAIL = 'owner@large.aifootprint.local';
const serverLog = path.resolve('bench/out/overview-server.log');

const met = (ok: boolean) => (ok ? 'MET' : 'MISSED');

async function waitForHealth(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`the server exited with ${server.exitCode} (see ${serverLog})`);
    }
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('the server did not become healthy within 240 s');
}

async function signIn(): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (!response.ok || cookies.length === 0) {
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  }
  return cookies.join('; ');
}

/** One view of `/`: ms until the whole streamed HTML has arrived. Throws unless it is the overview. */
async function timeView(cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}/`, { headers: { cookie }, redirect: 'manual' });
  const html = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 || !html.includes('Key figures')) {
    throw new Error(`GET / → ${response.status}, not the overview with its key figures`);
  }
  return ms;
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const spread = (samples: number[]) =>
  `p50 ${fmt(percentile(samples, 50))}, p95 ${fmt(percentile(samples, 95))}, max ${fmt(Math.max(...samples))}`;

const { db, org, records } = await openLargeOrg(console.log);
let server: ChildProcess | null = null;
try {
  if (!existsSync(path.resolve('.next/BUILD_ID'))) {
    throw new Error('No production build: run `npx next build` first.');
  }
  const prisma = getPrisma();
  const owner = await prisma.user.findUniqueOrThrow({ where: { email: EMAIL }, select: { id: true } });
  const password = await hashPassword(PASSWORD);
  await prisma.account.upsert({
    where: { id: `${owner.id}-credential` },
    create: {
      id: `${owner.id}-credential`,
      accountId: owner.id,
      providerId: 'credential',
      userId: owner.id,
      password,
    },
    update: { password },
  });
  await prisma.$disconnect();

  mkdirSync(path.dirname(serverLog), { recursive: true });
  const log = openSync(serverLog, 'w');
  server = spawn(
    process.execPath,
    [path.resolve('node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/start.ts'],
    {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORT: String(port),
        BETTER_AUTH_URL: base,
        SEED_DEMO: '0',
      },
      stdio: ['ignore', log, log],
    },
  );
  await waitForHealth(server);
  const cookie = await signIn();
  console.log(machineLine());
  console.log(
    `server: scripts/next-server.mjs, WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? 1} worker process(es), ` +
      `OVERVIEW_RENDER_SLOTS=${process.env.OVERVIEW_RENDER_SLOTS ?? 4} per process`,
  );
  console.log(
    `records: ${records.toLocaleString('en')} in the large organisation; GET ${base}/ signed in as ${EMAIL}`,
  );

  // 1. One user.
  const first = await timeView(cookie);
  const repeated: number[] = [];
  for (let i = 0; i < views; i++) {
    repeated.push(await timeView(cookie));
  }
  const afterWrite: number[] = [];
  for (let i = 0; i < 10; i++) {
    // Any write the overview depends on moves the data version (trigger on organization); the next view recomputes.
    await touchOrganization(db.url, org.id);
    afterWrite.push(await timeView(cookie));
  }
  console.log(`one user, first view after start: ${fmt(first)}`);
  console.log(`one user, ${views} repeated views: ${spread(repeated)}`);
  console.log(`one user, 10 views each right after a write: ${spread(afterWrite)}`);

  // 2. Under load.
  const latencies: number[] = [];
  const instance = autocannon({
    url: `${base}/`,
    headers: { cookie },
    connections,
    duration,
    timeout: CLIENT_TIMEOUT_S,
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  // 3. Recovery: the first view once the load stopped.
  const recovery = await timeView(cookie);

  const loadP95 = percentile(latencies, 95);
  console.log(
    `${connections} connections × ${duration} s on /: ${result.requests.total} responses ` +
      `(${result.requests.average.toFixed(1)} req/s), p50 ${fmt(percentile(latencies, 50))}, p95 ${fmt(loadP95)}, ` +
      `p99 ${fmt(percentile(latencies, 99))}, max ${fmt(Math.max(...latencies))}; timeouts ${result.timeouts}, ` +
      `errors ${result.errors}, non-2xx ${result.non2xx}`,
  );
  console.log(`recovery: first view after the load ${fmt(recovery)}`);
  const serverErrors = readFileSync(serverLog, 'utf8')
    .split('\n')
    .filter((l) => /RenderAbandonedError|RequestAbandonedError/.test(l)).length;
  console.log(`server log: ${serverErrors} lines about abandoned renders/reads (${serverLog})`);
  console.log(machineLine());

  const oneUserP95 = percentile(repeated, 95);
  const afterWriteP95 = percentile(afterWrite, 95);
  console.log(
    `${met(oneUserP95 <= TARGET_ONE_USER_P95_MS)} one user, / at ${records.toLocaleString('en')} records: p95 ${fmt(oneUserP95)} ≤ ${TARGET_ONE_USER_P95_MS} ms (repeated views)`,
  );
  console.log(
    `${met(afterWriteP95 <= TARGET_ONE_USER_P95_MS)} one user, / right after a write: p95 ${fmt(afterWriteP95)} ≤ ${TARGET_ONE_USER_P95_MS} ms`,
  );
  console.log(
    `${met(result.timeouts === 0 && result.errors === 0 && result.non2xx === 0)} ${connections} connections × ${duration} s: ${result.timeouts} timeouts at ${CLIENT_TIMEOUT_S} s, ${result.errors} errors, ${result.non2xx} non-2xx = 0`,
  );
  console.log(
    `${met(loadP95 <= TARGET_LOAD_P95_MS)} ${connections} connections × ${duration} s: p95 ${fmt(loadP95)} ≤ ${TARGET_LOAD_P95_MS} ms`,
  );
  console.log(
    `${met(recovery <= TARGET_RECOVERY_MS)} recovery: first view after the load ${fmt(recovery)} ≤ ${TARGET_RECOVERY_MS} ms`,
  );
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await db.stop();
}

/** Touches the organisation row (its trigger bumps org_data_version, as any write the overview reads does). */
async function touchOrganization(url: string, orgId: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('UPDATE organization SET updated_at = now() WHERE id = $1', [orgId]);
  } finally {
    await client.end();
  }
}
