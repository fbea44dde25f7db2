import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as postExperiment } from '@/app/api/codecarbon/experiments/route';
import { POST as estimate } from '@/app/api/v1/estimate/route';
import { GET as me } from '@/app/api/v1/me/route';
import { GET as getRecord } from '@/app/api/v1/records/[id]/route';
import { GET as listRecords, POST as storeRecords } from '@/app/api/v1/records/route';
import { GET as summary } from '@/app/api/v1/summary/route';
import { AiFootprintApiError, createAiFootprintClient } from '@/lib/client/ai-footprint-client';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { startRouteServer } from '../support/route-server';
import { createTestDatabase } from '../support/test-database';
import { createOrgWithEditor } from '../support/upload-fixtures';

// Tight limits (1-second windows, 4 calls per token) so the client really meets 429s and waits Retry-After.
process.env.API_RATE_LIMIT_WINDOW_S = '1';
process.env.API_RATE_LIMIT_PER_TOKEN = '4';

let server: Server;
let baseUrl: string;
let token: string;
const waits: number[] = [];

const client = () =>
  createAiFootprintClient({
    baseUrl,
    token,
    sleep: (ms) => {
      waits.push(ms);
      return new Promise((r) => setTimeout(r, ms));
    },
  });

// 24 daily inference records in October 2026 for one model.
const RECORDS = Array.from({ length: 24 }, (_, i) => ({
  recordId: `client-${i}`,
  phase: 'inference' as const,
  startedAt: `2026-10-${String(i + 1).padStart(2, '0')}`,
  endedAt: `2026-10-${String(i + 2).padStart(2, '0')}`,
  team: 'Platform',
  model: 'nw-chat',
  provider: 'aws' as const,
  region: 'eu-west-1',
  energyKwh: 10 + i,
}));

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  token = (await createApiToken(await createOrgWithEditor('Client'), 'pipeline')).token;
  ({ server, url: baseUrl } = await startRouteServer({
    'GET /api/v1/me': me,
    'POST /api/v1/estimate': estimate,
    'GET /api/v1/records': listRecords,
    'POST /api/v1/records': storeRecords,
    'GET /api/v1/summary': summary,
    'GET /api/v1/records/{id}': getRecord,
    'POST /api/codecarbon/experiments': postExperiment,
  }));
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('typed TypeScript client against a real HTTP server', () => {
  test('store, estimate, summarise and iterate all pages; 429s are waited out and retried', async () => {
    const api = client();
    expect((await api.me()).via).toBe('token');
    expect(await api.storeRecords(RECORDS)).toEqual({ created: 24, updated: 0, unchanged: 0 });
    // Safe to retry: the same batch again changes nothing.
    expect(await api.storeRecords(RECORDS)).toEqual({ created: 0, updated: 0, unchanged: 24 });

    const estimated = await api.estimate(RECORDS.slice(0, 2));
    expect(estimated.results).toHaveLength(2);
    expect(estimated.results[0]?.locationKgCo2e).toBeGreaterThan(0);

    const month = await api.summary({ from: '2026-10-01', to: '2026-10-31', groupBy: 'model' });
    expect(month.groups.map((g) => g.key)).toEqual(['nw-chat']);

    const seen: string[] = [];
    const ids: string[] = [];
    for await (const row of api.iterateRecords({ model: 'nw-chat', limit: 5 })) {
      seen.push(row.externalId);
      ids.push(row.id);
    }
    expect(seen).toHaveLength(24);
    const first = await api.getRecord(ids[0] ?? '');
    expect(first).toMatchObject({ externalId: 'client-0', phase: 'inference', gridZone: expect.any(String) });
    expect(new Set(seen).size).toBe(24);
    // 5 pages + the calls above = well over 4 per second: the client met 429s and waited Retry-After (≤ 1 s).
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(1000);
  });

  test('errors surface as AiFootprintApiError with the envelope code and row errors', async () => {
    const api = client();
    const bad = { phase: 'training' as const, startedAt: '2026-10-01', endedAt: '2026-10-02', energyKwh: -1 };
    const invalid = await api.storeRecords([bad]).catch((e) => e);
    expect(invalid).toBeInstanceOf(AiFootprintApiError);
    expect(invalid).toMatchObject({ status: 422, code: 'INVALID_RECORDS' });
    expect(invalid.recordErrors?.[0]).toMatchObject({ index: 0, field: 'energyKwh' });

    const forged = createAiFootprintClient({ baseUrl, token: 'aif_forged', retry: { maxRetries: 0 } });
    await expect(forged.me()).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });

    const experiment = await api.createExperiment({
      timestamp: '2026-11-29T21:00:00+00:00',
      name: 'client-created',
      country_iso_code: 'DEU',
      pue: 1.1,
    });
    expect(experiment).toMatchObject({ name: 'client-created', country_iso_code: 'DEU', pue: 1.1 });
  });
});
