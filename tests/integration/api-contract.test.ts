import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as estimate } from '@/app/api/v1/estimate/route';
import { GET as me } from '@/app/api/v1/me/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { GET as listRecords, POST as storeRecords } from '@/app/api/v1/records/route';
import { GET as exportReport } from '@/app/api/v1/reports/[period]/export/route';
import { GET as getReport } from '@/app/api/v1/reports/[period]/route';
import { POST as freezeReport } from '@/app/api/v1/reports/[period]/versions/route';
import { GET as summary } from '@/app/api/v1/summary/route';
import { GET as listUploads, POST as upload } from '@/app/api/v1/uploads/route';
import type { TUserActor } from '@/lib/auth/actor';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { expectContract } from '../support/api-contract';
import { createTestDatabase } from '../support/test-database';
import { createOrgWithEditor, orgTotals } from '../support/upload-fixtures';

let editor: { orgId: string; userId: string; actor: TUserActor };
let token: string;
let viewerToken: string;
let otherToken: string;
let writeOnlyToken: string;

const url = (path: string) => `http://localhost${path}`;
const get = (path: string, bearer = token) =>
  new Request(url(path), { headers: { authorization: `Bearer ${bearer}` } });
const postJson = (path: string, body: unknown, bearer = token) =>
  new Request(url(path), {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

// Three runs in two months: metered training, modelled fine-tuning straddling Feb→Mar, request-based inference.
const RECORDS = [
  {
    recordId: 'train-1',
    phase: 'training',
    startedAt: '2026-02-01T00:00:00Z',
    endedAt: '2026-02-03T00:00:00Z',
    team: 'Research',
    model: 'nw-7b',
    provider: 'aws',
    region: 'eu-west-1',
    accelerator: 'H100 SXM',
    acceleratorCount: 8,
    energyKwh: 500,
  },
  {
    recordId: 'ft-1',
    phase: 'fine_tuning',
    startedAt: '2026-02-28T00:00:00Z',
    endedAt: '2026-03-02T00:00:00Z',
    team: 'Research',
    model: 'nw-7b',
    provider: 'gcp',
    region: 'europe-west4',
    accelerator: 'A100 80GB',
    acceleratorCount: 4,
    acceleratorHours: 192,
  },
  {
    recordId: 'inf-1',
    phase: 'inference',
    startedAt: '2026-03-10',
    endedAt: '2026-03-11',
    team: 'Product',
    model: 'nw-7b',
    provider: 'azure',
    region: 'westeurope',
    requests: 100_000,
    energyPerRequestWh: 0.3,
  },
];

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  editor = await createOrgWithEditor('Contract');
  token = (await createApiToken(editor, 'ci')).token;
  otherToken = (await createApiToken(await createOrgWithEditor('Elsewhere'), 'ci')).token;
  writeOnlyToken = (await createApiToken(editor, 'push-only', { scopes: ['write:usage'] })).token;
  const prisma = getPrisma();
  await prisma.user.create({
    data: { id: 'viewer-c', email: 'viewer@c.test', name: 'V', emailVerified: true },
  });
  await prisma.membership.create({ data: { orgId: editor.orgId, userId: 'viewer-c', role: 'viewer' } });
  viewerToken = (await createApiToken({ orgId: editor.orgId, userId: 'viewer-c' }, 'viewer')).token;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('POST /api/v1/estimate', () => {
  test('computes every record with the org library and stores nothing', async () => {
    const body = (await expectContract(
      'post',
      '/api/v1/estimate',
      await estimate(postJson('/api/v1/estimate', RECORDS, viewerToken)),
    )) as {
      results: { index: number; recordId: string; locationKgCo2e: number; isMeasured: boolean }[];
      totals: { records: number; locationKgCo2e: number };
    };
    expect(body.results.map((r) => [r.index, r.recordId, r.isMeasured])).toEqual([
      [0, 'train-1', true],
      [1, 'ft-1', false],
      [2, 'inf-1', false],
    ]);
    expect(body.results.every((r) => r.locationKgCo2e > 0)).toBe(true);
    expect(body.totals.records).toBe(3);
    expect(body.totals.locationKgCo2e).toBeCloseTo(
      body.results.reduce((s, r) => s + r.locationKgCo2e, 0),
      9,
    );
    expect((await orgTotals(editor.orgId)).records).toBe(0);
  });

  test('invalid records: 422 with index, field and message', async () => {
    const bad = [
      RECORDS[0],
      { ...RECORDS[1], phase: 'pretraining' },
      { ...RECORDS[2], endedAt: '2026-03-01' },
    ];
    const response = await estimate(postJson('/api/v1/estimate', bad));
    expect(response.status).toBe(422);
    const body = (await expectContract('post', '/api/v1/estimate', response)) as {
      error: { code: string };
      errors: { index: number; field: string }[];
    };
    expect(body.error.code).toBe('INVALID_RECORDS');
    expect(body.errors.map((e) => [e.index, e.field])).toEqual([
      [1, 'phase'],
      [2, 'endedAt'],
    ]);
  });

  test('a date-time without offset: 422 naming the field (the API does not guess a zone; docs/API.md)', async () => {
    const response = await estimate(
      postJson('/api/v1/estimate', [{ ...RECORDS[0], startedAt: '2026-02-01T00:00:00' }]),
    );
    expect(response.status).toBe(422);
    const body = (await expectContract('post', '/api/v1/estimate', response)) as {
      errors: { index: number; field: string; message: string }[];
    };
    expect(body.errors).toEqual([
      {
        index: 0,
        field: 'startedAt',
        message: expect.stringContaining('"2026-02-01T00:00:00" has no UTC offset'),
      },
    ]);
  });

  test('a body that is not an array: 400; a revoked or unknown token: 401', async () => {
    const notArray = await estimate(postJson('/api/v1/estimate', { records: [] }));
    expect(notArray.status).toBe(400);
    await expectContract('post', '/api/v1/estimate', notArray);
    const anonymous = await estimate(postJson('/api/v1/estimate', [], 'aif_not-a-token'));
    expect(anonymous.status).toBe(401);
    await expectContract('post', '/api/v1/estimate', anonymous);
  });
});

describe('POST /api/v1/records', () => {
  test('stores a batch: 201 created, then unchanged, then updated', async () => {
    const first = await storeRecords(postJson('/api/v1/records', RECORDS));
    expect(first.status).toBe(201);
    expect(await expectContract('post', '/api/v1/records', first)).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    const again = await storeRecords(postJson('/api/v1/records', RECORDS));
    expect(await expectContract('post', '/api/v1/records', again)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    const changed = [{ ...RECORDS[0], energyKwh: 600 }];
    const third = await storeRecords(postJson('/api/v1/records', changed));
    expect(await expectContract('post', '/api/v1/records', third)).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    expect((await orgTotals(editor.orgId)).records).toBe(3);
  });

  test('any invalid record: 422 and nothing stored', async () => {
    const before = await orgTotals(editor.orgId);
    const response = await storeRecords(
      postJson('/api/v1/records', [{ ...RECORDS[0], recordId: 'new-1' }, { phase: 'inference' }]),
    );
    expect(response.status).toBe(422);
    const body = (await expectContract('post', '/api/v1/records', response)) as {
      errors: { index: number; field: string }[];
    };
    expect(body.errors.map((e) => e.field)).toEqual(['startedAt', 'endedAt']);
    expect(await orgTotals(editor.orgId)).toEqual(before);
  });

  test('a viewer may not write: 403', async () => {
    const response = await storeRecords(postJson('/api/v1/records', RECORDS, viewerToken));
    expect(response.status).toBe(403);
    await expectContract('post', '/api/v1/records', response);
  });
});

describe('GET /api/v1/records and /summary', () => {
  test('cursor pages walk every record once, in (startedAt, id) order', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await expectContract(
        'get',
        '/api/v1/records',
        await listRecords(get(`/api/v1/records?limit=2${query}`)),
      )) as { data: { externalId: string }[]; nextCursor: string | null };
      seen.push(...page.data.map((r) => r.externalId));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['train-1', 'ft-1', 'inf-1']);
    const filtered = (await (await listRecords(get('/api/v1/records?phase=inference'))).json()) as {
      data: unknown[];
    };
    expect(filtered.data).toHaveLength(1);
    const other = (await (await listRecords(get('/api/v1/records', otherToken))).json()) as {
      data: unknown[];
    };
    expect(other.data).toHaveLength(0);
    const badCursor = await listRecords(get('/api/v1/records?cursor=nope'));
    expect(badCursor.status).toBe(400);
    await expectContract('get', '/api/v1/records', badCursor);
  });

  test('summary by month splits the straddling run; by team and phase sum to the same total', async () => {
    const totals = await orgTotals(editor.orgId);
    const byMonth = (await expectContract(
      'get',
      '/api/v1/summary',
      await summary(get('/api/v1/summary?from=2026-01-01&to=2026-12-31&groupBy=month')),
    )) as { groups: { key: string; records: number; locationKgCo2e: number }[] };
    expect(byMonth.groups.map((g) => [g.key, g.records])).toEqual([
      ['2026-02', 2],
      ['2026-03', 2],
    ]);
    const sum = (groups: { locationKgCo2e: number }[]) => groups.reduce((s, g) => s + g.locationKgCo2e, 0);
    expect(sum(byMonth.groups)).toBeCloseTo(totals.locationKgCo2e, 6);
    for (const groupBy of ['team', 'phase', 'model', 'region', 'accelerator', 'project']) {
      const body = (await expectContract(
        'get',
        '/api/v1/summary',
        await summary(get(`/api/v1/summary?from=2026-01-01&to=2026-12-31&groupBy=${groupBy}`)),
      )) as { groups: { locationKgCo2e: number }[] };
      expect(sum(body.groups), groupBy).toBeCloseTo(totals.locationKgCo2e, 6);
    }
    const team = (await (
      await summary(get('/api/v1/summary?from=2026-01-01&to=2026-12-31&groupBy=team&phase=inference'))
    ).json()) as { groups: { key: string }[] };
    expect(team.groups.map((g) => g.key)).toEqual(['product']);
    const missing = await summary(get('/api/v1/summary?groupBy=month'));
    expect(missing.status).toBe(400);
    await expectContract('get', '/api/v1/summary', missing);
  });
});

describe('documented endpoints that predate the JSON API', () => {
  test('me, uploads and the OpenAPI document itself', async () => {
    await expectContract('get', '/api/v1/me', await me(get('/api/v1/me')));
    await expectContract('get', '/api/v1/uploads', await listUploads(get('/api/v1/uploads')));
    const doc = (await expectContract(
      'get',
      '/api/v1/openapi.json',
      await openapi(new Request(url('/api/v1/openapi.json'))),
    )) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/records');
  });
});

describe('answers the document must describe (issue #18)', () => {
  const postCsv = (query: string, csv: string) =>
    upload(
      new Request(url(`/api/v1/uploads?${query}`), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: csv,
      }),
    );
  const csvRow = (recordId: string, energyKwh: string) =>
    `record_id,phase,started_at,ended_at,region,provider,energy_kwh\n${recordId},inference,2026-04-01,2026-04-02,eu-west-1,aws,${energyKwh}\n`;

  test('a token without the read scope: 403 on reads, in the error envelope', async () => {
    for (const [path, handler] of [
      ['/api/v1/records', listRecords],
      ['/api/v1/uploads', listUploads],
      ['/api/v1/me', me],
    ] as const) {
      const response = await handler(get(path, writeOnlyToken));
      expect(response.status, path).toBe(403);
      const body = (await expectContract('get', path, response)) as { error: { message: string } };
      expect(body.error.message).toContain('"read" scope');
    }
  });

  test('an invalid upload: 422 whose body is the failed upload plus the error envelope', async () => {
    const response = await postCsv('fileName=bad.csv', csvRow('bad-1', '-5'));
    expect(response.status).toBe(422);
    const body = (await expectContract('post', '/api/v1/uploads', response)) as {
      status: string;
      rowsRejected: number;
      error: { code: string; status: number };
      errors: { line: number }[];
    };
    expect(body).toMatchObject({
      status: 'failed',
      rowsRejected: 1,
      error: { code: 'INVALID_CSV', status: 422 },
    });
    expect(body.errors[0]?.line).toBe(2);
  });

  test('an upload id used before: 409', async () => {
    const id = randomUUID();
    const first = await postCsv(`fileName=a.csv&uploadId=${id}`, csvRow('up-1', '1'));
    expect(first.status).toBe(201);
    await expectContract('post', '/api/v1/uploads', first);
    const reused = await postCsv(`fileName=b.csv&uploadId=${id}`, csvRow('up-2', '2'));
    expect(reused.status).toBe(409);
    const body = (await expectContract('post', '/api/v1/uploads', reused)) as { error: { code: string } };
    expect(body.error.code).toBe('CONFLICT');
  });

  test('the report export as JSON (live, then a frozen version) matches its schema', async () => {
    const period = { params: Promise.resolve({ period: '2026-Q1' }) };
    const live = (await expectContract(
      'get',
      '/api/v1/reports/{period}/export',
      await exportReport(get('/api/v1/reports/2026-Q1/export?format=json'), period),
    )) as { period: { key: string }; snapshot?: unknown };
    expect(live.period.key).toBe('2026-Q1');
    expect(live.snapshot).toBeUndefined();
    const frozen = await freezeReport(postJson('/api/v1/reports/2026-Q1/versions', {}), period);
    expect(frozen.status).toBe(201);
    const latest = (await expectContract(
      'get',
      '/api/v1/reports/{period}',
      await getReport(get('/api/v1/reports/2026-Q1?format=json'), period),
    )) as { snapshot: { version: number; status: string } };
    expect(latest.snapshot).toMatchObject({ version: 1, status: 'draft' });
  });
});
