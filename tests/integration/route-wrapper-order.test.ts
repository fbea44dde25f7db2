import { beforeAll, describe, expect, test } from 'vitest';
import { POST as createContract } from '@/app/api/v1/energy-contracts/route';
import { POST as signOff } from '@/app/api/v1/reports/[period]/versions/[version]/[step]/route';
import { GET as summary } from '@/app/api/v1/summary/route';
import { GET as upload } from '@/app/api/v1/uploads/[id]/route';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

// Issue #18: every route runs through defineRoute in one order: authenticate → rate limit → authorise → parse →
// handler. A caller without the right credentials learns nothing about a protected resource's inputs: it gets
// 401/403 whatever it sent, never the 400/404/422 a permitted caller would get for the same request.

let viewerToken: string;
/** A well-formed token that was never issued (a route handler outside Next has no session cookie to read). */
const UNKNOWN_TOKEN = 'aif_0000000000000000000000000000000000000000';

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  viewerToken = (await createApiToken(await createOrgWithMember('viewer'), 'order', { scopes: ['read'] }))
    .token;
});

const call = (path: string, init: { method?: string; token?: string; body?: string } = {}) =>
  new Request(`http://localhost${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${init.token ?? UNKNOWN_TOKEN}`,
    },
    ...(init.body === undefined ? {} : { body: init.body }),
  });

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; details?: unknown } };
  return { status: response.status, code: body.error.code, details: body.error.details };
}

describe('authenticate before parsing', () => {
  const BAD_QUERY = '/api/v1/summary?from=yesterday&to=2026-01-31&groupBy=week';

  test('an invalid query with an unknown token: 401, no validation details', async () => {
    const answer = await errorOf(await summary(call(BAD_QUERY)));
    expect(answer).toEqual({ status: 401, code: 'UNAUTHENTICATED', details: undefined });
  });

  test('the same query with a permitted token: 400 naming both invalid fields', async () => {
    const answer = await errorOf(await summary(call(BAD_QUERY, { token: viewerToken })));
    expect(answer.status).toBe(400);
    expect(answer.code).toBe('INVALID_INPUT');
    expect((answer.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['from', 'groupBy']);
  });

  test('an id that is not a UUID: 401 with an unknown token, 404 with a valid one (it names nothing)', async () => {
    const segment = params({ id: 'not-a-uuid' });
    expect((await upload(call('/api/v1/uploads/not-a-uuid'), segment)).status).toBe(401);
    const answer = await errorOf(
      await upload(call('/api/v1/uploads/not-a-uuid', { token: viewerToken }), segment),
    );
    expect(answer).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('authorise before parsing the body', () => {
  test('a viewer posting an invalid contract: 403 (role), not 422 (body)', async () => {
    const response = await createContract(
      call('/api/v1/energy-contracts', { method: 'POST', token: viewerToken, body: '{"reference": 1}' }),
    );
    expect(await errorOf(response)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  test('a viewer approving a version that does not exist, with a malformed period: 403 before 400', async () => {
    const response = await signOff(
      call('/api/v1/reports/2026-Q9/versions/x/approve', { method: 'POST', token: viewerToken }),
      params({ period: '2026-Q9', version: 'x', step: 'approve' }),
    );
    expect(await errorOf(response)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});
