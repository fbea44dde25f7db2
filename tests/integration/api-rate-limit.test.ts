import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { GET as me } from '@/app/api/v1/me/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { hitRateLimitBuckets } from '@/lib/server/http/rate-limit-counts';
import { expectContract } from '../support/api-contract';
import { createTestDatabase } from '../support/test-database';
import { createOrgWithEditor } from '../support/upload-fixtures';

// Small limits for this file (read once, before the first request). A one-hour window keeps the counts in one
// window for the whole file.
process.env.API_RATE_LIMIT_WINDOW_S = '3600';
process.env.API_RATE_LIMIT_PER_TOKEN = '3';
process.env.API_RATE_LIMIT_PER_ORG = '5';
process.env.API_RATE_LIMIT_PER_IP = '2';
// Two trusted proxies: the client is the second X-Forwarded-For entry from the right (lib/security/client-ip.ts).
process.env.TRUSTED_PROXY_HOPS = '2';

let tokenA: string;
let tokenB: string;
let otherOrgToken: string;

const call = (bearer: string, ip = '198.51.100.7') =>
  me(
    new Request('http://localhost/api/v1/me', {
      headers: { authorization: `Bearer ${bearer}`, 'x-forwarded-for': `${ip}, 10.0.0.1` },
    }),
  );

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  const editor = await createOrgWithEditor('Limited');
  tokenA = (await createApiToken(editor, 'a')).token;
  tokenB = (await createApiToken(editor, 'b')).token;
  otherOrgToken = (await createApiToken(await createOrgWithEditor('Other'), 'c')).token;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('API rate limits', () => {
  test('per token: headers count down, then 429 problem+json with Retry-After; the org limit caps all tokens', async () => {
    for (const remaining of [2, 1, 0]) {
      const ok = await call(tokenA);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit-limit')).toBe('3');
      expect(ok.headers.get('ratelimit-remaining')).toBe(String(remaining));
      expect(Number(ok.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      expect(ok.headers.get('retry-after')).toBeNull();
    }
    const limited = await call(tokenA);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    const retryAfterS = Number(limited.headers.get('retry-after'));
    expect(retryAfterS).toBeGreaterThan(0);
    expect(retryAfterS).toBeLessThanOrEqual(3600);
    const body = (await expectContract('get', '/api/v1/me', limited)) as {
      status: number;
      retryAfterS: number;
      error: { code: string };
    };
    expect(body.status).toBe(429);
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.retryAfterS).toBe(retryAfterS);

    // Same organisation, second token: its own bucket has room, the organisation's (5) has one left.
    const b = await call(tokenB);
    expect(b.status).toBe(200);
    expect(b.headers.get('ratelimit-limit')).toBe('5');
    expect(b.headers.get('ratelimit-remaining')).toBe('0');
    expect((await call(tokenB)).status).toBe(429);

    // Another organisation is not affected.
    const other = await call(otherOrgToken);
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-remaining')).toBe('2');
  });

  test('calls without valid credentials are limited per IP (failed auth and public routes)', async () => {
    const ip = '203.0.113.9';
    expect((await call('aif_guess1', ip)).status).toBe(401);
    const second = await call('aif_guess2', ip);
    expect(second.status).toBe(401);
    expect(second.headers.get('ratelimit-remaining')).toBe('0');
    const third = await call('aif_guess3', ip);
    expect(third.status).toBe(429);
    await expectContract('get', '/api/v1/me', third);
    // Another address still gets a plain 401.
    expect((await call('aif_guess4', '203.0.113.10')).status).toBe(401);

    const doc = (ipAddress: string) =>
      openapi(
        new Request('http://localhost/api/v1/openapi.json', {
          headers: { 'x-forwarded-for': `${ipAddress}, 10.0.0.1` },
        }),
      );
    expect((await doc('192.0.2.1')).headers.get('ratelimit-remaining')).toBe('1');
    expect((await doc('192.0.2.1')).status).toBe(200);
    expect((await doc('192.0.2.1')).status).toBe(429);
  });

  test('counters live in Postgres: concurrent hits from many connections are never lost', async () => {
    const windowStart = new Date('2026-11-29T20:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 25 }, () => hitRateLimitBuckets(['token:concurrent'], windowStart)),
    );
    const counts = results.map((r) => r.get('token:concurrent')).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(counts).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // The first hit of a later window prunes ended windows.
    await hitRateLimitBuckets(['token:later'], new Date('2026-11-29T21:00:00Z'));
    const left = await getPrisma().apiRateLimit.count({ where: { bucketKey: 'token:concurrent' } });
    expect(left).toBe(0);
  });

  test('concurrent hits in one process are counted by one statement per batch, each with its exact count', async () => {
    const windowStart = new Date('2026-11-29T22:00:00Z');
    const inserts: string[] = [];
    const original = pg.Client.prototype.query;
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      const [text] = args;
      const statement = typeof text === 'string' ? text : String((text as { text?: string })?.text ?? '');
      if (statement.includes('INSERT INTO api_rate_limit')) {
        inserts.push(statement);
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
    let results: Map<string, number>[];
    try {
      // 50 requests of one token arriving together, each counted in its token and organisation buckets.
      results = await Promise.all(
        Array.from({ length: 50 }, () => hitRateLimitBuckets(['token:batched', 'org:batched'], windowStart)),
      );
    } finally {
      spy.mockRestore();
    }
    // Before: one upsert per request (50), queued on the same two rows.
    expect(inserts.length).toBeLessThanOrEqual(2);
    const tokenCounts = results.map((r) => r.get('token:batched') ?? 0).sort((a, b) => a - b);
    expect(tokenCounts).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(results.map((r) => r.get('org:batched'))).toEqual(results.map((r) => r.get('token:batched')));
    const stored = await getPrisma().apiRateLimit.findMany({
      where: { windowStart },
      orderBy: { bucketKey: 'asc' },
      select: { bucketKey: true, count: true },
    });
    expect(stored).toEqual([
      { bucketKey: 'org:batched', count: 50 },
      { bucketKey: 'token:batched', count: 50 },
    ]);
  });

  test('the counters are an unlogged table (no WAL flush per request; a crash only restarts the window)', async () => {
    // prisma/migrations/20261207001430_api_rate_limit_unlogged: relpersistence 'u' = unlogged, 'p' = permanent.
    const { rows } = await getPgPool().query<{ relpersistence: string }>(
      "SELECT relpersistence FROM pg_class WHERE relname = 'api_rate_limit' AND relkind = 'r'",
    );
    expect(rows).toEqual([{ relpersistence: 'u' }]);
  });
});
