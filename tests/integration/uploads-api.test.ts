import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DELETE, GET } from '@/app/api/v1/uploads/[id]/route';
import { POST } from '@/app/api/v1/uploads/route';
import type { TUserActor } from '@/lib/auth/actor';
import { GENERIC_EXAMPLE_CSV } from '@/lib/ingest/templates';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { createTestDatabase } from '../support/test-database';
import { createOrgWithEditor, orgTotals } from '../support/upload-fixtures';

let editor: { orgId: string; userId: string; actor: TUserActor };
let tokenA: string;
let tokenB: string;
let viewerToken: string;

const base = 'http://localhost/api/v1/uploads';
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  editor = await createOrgWithEditor('Api');
  tokenA = (await createApiToken(editor, 'ci')).token;
  const other = await createOrgWithEditor('Other');
  tokenB = (await createApiToken(other, 'ci')).token;
  const prisma = getPrisma();
  await prisma.user.create({
    data: { id: 'viewer-api', email: 'viewer@api.test', name: 'V', emailVerified: true },
  });
  await prisma.membership.create({ data: { orgId: editor.orgId, userId: 'viewer-api', role: 'viewer' } });
  viewerToken = (await createApiToken({ orgId: editor.orgId, userId: 'viewer-api' }, 'viewer')).token;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('POST /api/v1/uploads', () => {
  let firstId = '';

  test('raw text/csv body: 201 with counts and totals', async () => {
    const response = await POST(
      new Request(`${base}?fileName=example.csv`, {
        method: 'POST',
        headers: { ...auth(tokenA), 'content-type': 'text/csv' },
        body: GENERIC_EXAMPLE_CSV,
      }),
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'completed',
      format: 'generic',
      rowsAccepted: 5,
      rowsRejected: 0,
      errors: [],
    });
    expect(body.totals.records).toBe(5);
    expect(body.totals.locationKgCo2e).toBeCloseTo((await orgTotals(editor.orgId)).locationKgCo2e, 6);
    firstId = body.id;
  });

  test('the same file again (multipart this time): 200 with the existing upload', async () => {
    const form = new FormData();
    form.set('file', new File([GENERIC_EXAMPLE_CSV], 'again.csv', { type: 'text/csv' }));
    const response = await POST(new Request(base, { method: 'POST', headers: auth(tokenA), body: form }));
    expect(response.status).toBe(200);
    expect((await response.json()).id).toBe(firstId);
    expect((await orgTotals(editor.orgId)).records).toBe(5);
  });

  test('an invalid file: 422 with its errors, nothing stored', async () => {
    const form = new FormData();
    const bad = readFileSync(
      path.resolve(import.meta.dirname, '../../e2e/files/generic/negative-number.csv'),
    );
    form.set('file', new File([bad], 'negative-number.csv'));
    const response = await POST(new Request(base, { method: 'POST', headers: auth(tokenA), body: form }));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe('INVALID_CSV');
    expect(body.status).toBe('failed');
    expect(body.errors[0]).toMatchObject({ fileName: 'negative-number.csv', line: expect.any(Number) });
    expect((await orgTotals(editor.orgId)).records).toBe(5);
  });

  test('an oversized file: 413 before anything is stored', async () => {
    process.env.UPLOAD_MAX_BYTES = '100';
    try {
      const response = await POST(
        new Request(base, {
          method: 'POST',
          headers: { ...auth(tokenA), 'content-type': 'text/csv' },
          body: GENERIC_EXAMPLE_CSV,
          duplex: 'half',
        } as RequestInit),
      );
      expect(response.status).toBe(413);
      expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      delete process.env.UPLOAD_MAX_BYTES;
    }
  });

  test('a viewer token may not upload (403); bad parameters are 400', async () => {
    const denied = await POST(
      new Request(base, {
        method: 'POST',
        headers: { ...auth(viewerToken), 'content-type': 'text/csv' },
        body: 'x',
      }),
    );
    expect(denied.status).toBe(403);
    const invalid = await POST(
      new Request(`${base}?phase=sleeping`, { method: 'POST', headers: auth(tokenA), body: 'x' }),
    );
    expect(invalid.status).toBe(400);
  });

  test("GET/DELETE of another organisation's upload id: 404, nothing changes; own DELETE removes records", async () => {
    expect(
      (await GET(new Request(`${base}/${firstId}`, { headers: auth(tokenB) }), idParams(firstId))).status,
    ).toBe(404);
    const del = await DELETE(
      new Request(`${base}/${firstId}`, { method: 'DELETE', headers: auth(tokenB) }),
      idParams(firstId),
    );
    expect(del.status).toBe(404);
    expect((await orgTotals(editor.orgId)).records).toBe(5);
    const own = await GET(new Request(`${base}/${firstId}`, { headers: auth(tokenA) }), idParams(firstId));
    expect(own.status).toBe(200);
    const removed = await DELETE(
      new Request(`${base}/${firstId}`, { method: 'DELETE', headers: auth(tokenA) }),
      idParams(firstId),
    );
    expect(await removed.json()).toEqual({ id: firstId, deleted: true, recordsRemoved: 5 });
    expect((await orgTotals(editor.orgId)).records).toBe(0);
  });
});
