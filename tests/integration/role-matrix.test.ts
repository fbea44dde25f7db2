import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { replaceBundledFactorLibrary } from '@/lib/data/factor-library-load';
import { getPgPool } from '@/lib/data/pg-pool';
import { getPrisma } from '@/lib/db';
import { loadBundledFactorLibrary } from '@/lib/factors/load-bundled-factor-library';
import { ACTION_CASES } from '../support/authz/action-cases';
import { routeEndpoints, serverActionKeys, type TRouteEndpoint } from '../support/authz/endpoint-inventory';
import {
  callAction,
  callRoute,
  changedTables,
  databaseFingerprint,
  expectedOutcome,
  type TOutcome,
} from '../support/authz/invoke';
import { make } from '../support/authz/makers';
import { ROUTE_CASES, type TRouteFixture } from '../support/authz/route-cases';
import { addMember, createWorld, type TCaller, type TWorld } from '../support/authz/world';
import { createTestDatabase } from '../support/test-database';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('../support/request-context')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('../support/request-context')).nextCacheMock);

// Issue #7: the role matrix over EVERY route handler export and EVERY server action, for every role with a real
// session, for API tokens per role and per scope (routes), and without credentials. Allowed → success; denied →
// 403 / the action's FORBIDDEN state AND no change anywhere in the database. Expected outcomes come from
// lib/auth/roles.ts (pinned to docs/SECURITY.md by lib/auth/role-matrix-doc.test.ts) and lib/auth/token-scopes.ts.

let world: TWorld;
let fixture: TRouteFixture;
let endpoints: TRouteEndpoint[];

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  process.env.BETTER_AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  world = await createWorld();
  const { a } = world;
  const uploadId = await make.upload(a);
  fixture = {
    a,
    preparer: await addMember(a, 'editor'),
    reviewer: await addMember(a, 'admin'),
    shared: { uploadId, recordId: await make.recordId(a), ...(await make.codecarbon(a)) },
  };
  endpoints = await routeEndpoints();
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

/** Runs `call` as `caller`; returns a line describing any difference from the matrix, or null. */
async function check(
  name: string,
  caller: TCaller,
  expected: TOutcome,
  call: () => Promise<TOutcome>,
): Promise<string | null> {
  const before = expected === 'allowed' ? null : await databaseFingerprint();
  const outcome = await call();
  if (outcome !== expected) {
    return `${name} as ${caller.label}: expected ${expected}, got ${outcome}`;
  }
  if (before) {
    const changed = changedTables(before, await databaseFingerprint());
    if (changed.length > 0) {
      return `${name} as ${caller.label}: refused but changed ${changed.join(', ')}`;
    }
  }
  return null;
}

describe('completeness: a new endpoint cannot be added without a role-matrix case', () => {
  test('every app/**/route.ts export has a case, and every case names an existing export', () => {
    const covered = new Set(ROUTE_CASES.map((c) => c.key));
    expect(endpoints.filter((e) => !covered.has(e.key)).map((e) => e.key)).toEqual([]);
    const existing = new Set(endpoints.map((e) => e.key));
    expect([...covered].filter((k) => !existing.has(k))).toEqual([]);
    expect(endpoints.length).toBeGreaterThanOrEqual(40);
  });

  test("every export of every 'use server' module has a case, and every case names an existing action", async () => {
    const actions = await serverActionKeys();
    const covered = new Set(ACTION_CASES.map((c) => c.key));
    expect(actions.filter((k) => !covered.has(k))).toEqual([]);
    expect([...covered].filter((k) => !actions.includes(k))).toEqual([]);
    expect(actions.length).toBeGreaterThanOrEqual(30);
  });
});

describe('route handlers × (roles with a session, tokens per role and per scope, no credentials)', () => {
  for (const c of ROUTE_CASES) {
    test(`${c.key}${c.label ? ` (${c.label})` : ''} [${c.access}]`, async () => {
      const endpoint = endpoints.find((e) => e.key === c.key);
      expect(endpoint, c.key).toBeDefined();
      const problems: string[] = [];
      for (const caller of world.callers) {
        const call = await c.prepare(fixture);
        const expected = expectedOutcome(c.access, caller);
        const problem = await check(c.key, caller, expected, async () => {
          const { outcome } = await callRoute(endpoint?.file ?? '', endpoint?.method ?? '', caller, call);
          return outcome;
        });
        if (problem) {
          problems.push(problem);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('server actions × (roles with a session, no session)', () => {
  for (const c of ACTION_CASES) {
    test(`${c.key} [${c.access}]`, async () => {
      const problems: string[] = [];
      for (const caller of world.callers.filter((x) => x.kind !== 'token')) {
        const { args, cookie } = await c.prepare(fixture, caller);
        const problem = await check(c.key, caller, expectedOutcome(c.access, caller), () =>
          callAction(c.key, caller, args, cookie),
        );
        if (problem) {
          problems.push(problem);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
