// Summary API under load (issue #9): `npm run bench:summary-load [-- --connections 50 --duration 30 --cold]`.
// Needs the production build (`npx next build`) and the large database (`npm run db:seed:large`). Starts
// scripts/start.ts (next start) on PORT (default 3140) with DATABASE_URL pointing at the large database, creates
// an API token for the large organisation's owner, then drives GET /api/v1/summary (monthly totals of the last
// 12 months, organisation time zone) with autocannon on loopback and prints p50/p95/p99 latency and errors.
// PASS/MISS: no errors and p95 ≤ 150 ms (the overview API target). Nothing is written during the run, so after the
// first request every answer comes from the per-organisation response cache (issue #20,
// lib/server/http/org-response-cache.ts): a request costs the token look-up (which carries the data version) and
// the rate-limit count. It also prints the CPU milliseconds per request of the server's process tree and of the
// Postgres server (Linux /proc), to show which side a request's time goes to. `next start` MIGRATES the database it
// is given: never point this at a database you may not write (it also creates an API token there).
import { type ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPrisma } from '@/lib/server/db/prisma';
import { intArg, machineLine, openLargeOrg, percentile, verdict } from './support/large-org';
import { postmasterPid, treeCpuMs } from './support/process-cpu';

const TARGET_P95_MS = 150;
const connections = intArg('connections', 50);
const duration = intArg('duration', 30);
const port = Number(process.env.PORT ?? 3140);
// --cold: the server runs with the response cache off (ORG_RESPONSE_CACHE_MB=0), every request computes the
// summary: the figure before issue #20, on the same build and machine.
const cold = process.argv.includes('--cold');
const path = '/api/v1/summary?groupBy=month&from=2025-12-01&to=2026-11-30';

async function waitForServer(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`next start exited with ${server.exitCode} (did you run \`npx next build\`?)`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/me`);
      if (res.status > 0) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('server did not start within 180 s');
}

const { db, org, records } = await openLargeOrg(console.log);
let server: ChildProcess | null = null;
try {
  const { token } = await createApiToken({ orgId: org.id, userId: 'large-owner' }, `bench-${Date.now()}`);
  await getPrisma().$disconnect();
  server = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/start.ts'], {
    // The rate limiter still counts every request in Postgres (its real cost), but its limits are raised so the
    // benchmark measures the summary path, not 429s (600 requests/min per token by default).
    env: {
      API_RATE_LIMIT_PER_TOKEN: '100000000',
      API_RATE_LIMIT_PER_ORG: '100000000',
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(port),
      SEED_DEMO: '0',
      ...(cold ? { ORG_RESPONSE_CACHE_MB: '0' } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForServer(server);
  const headers = { authorization: `Bearer ${token}` };
  const check = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
  if (check.status !== 200) {
    throw new Error(`GET ${path} → ${check.status}: ${await check.text()}`);
  }
  const body = (await check.json()) as { groups: unknown[] };
  console.log(machineLine());
  console.log(`records: ${records.toLocaleString('en')}; GET ${path} → ${body.groups.length} groups`);
  // Warm-up, then the measured run.
  await autocannon({ url: `http://127.0.0.1:${port}${path}`, headers, connections: 10, duration: 5 });
  const pgPid = postmasterPid(Number(new URL(db.url).port));
  const cpu = () => ({
    server: server?.pid ? treeCpuMs(server.pid) : null,
    pg: pgPid ? treeCpuMs(pgPid) : null,
  });
  const cpuBefore = cpu();
  const latencies: number[] = [];
  const instance = autocannon({ url: `http://127.0.0.1:${port}${path}`, headers, connections, duration });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  const cpuAfter = cpu();
  const errors = result.errors + result.timeouts + result.non2xx;
  const p95 = percentile(latencies, 95);
  console.log(
    `summary API${cold ? ' (cold: response cache off)' : ''}, ${connections} connections, ${duration} s: ${result.requests.total} requests ` +
      `(${result.requests.average.toFixed(1)} req/s), p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
      `p95 ${p95.toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, errors ${errors} ` +
      `(${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx)`,
  );
  const perRequest = (a: number | null, b: number | null) =>
    a === null || b === null ? 'n/a' : `${((b - a) / Math.max(1, result.requests.total)).toFixed(2)} ms`;
  console.log(
    `CPU per request: server ${perRequest(cpuBefore.server, cpuAfter.server)}, ` +
      `postgres ${perRequest(cpuBefore.pg, cpuAfter.pg)}`,
  );
  console.log(`${verdict(errors === 0)} summary API errors ${errors} = 0`);
  console.log(
    `${verdict(p95 <= TARGET_P95_MS)} summary API p95 ${p95.toFixed(1)} ms ≤ ${TARGET_P95_MS} ms under load`,
  );
} finally {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server?.once('exit', r));
  }
  await db.stop();
}
