import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { ACTION_CASES } from '../support/authz/action-cases';
import { routeEndpoints, serverActionKeys, type TRouteEndpoint } from '../support/authz/endpoint-inventory';
import {
  callAction,
  callRoute,
  changedTables,
  databaseFingerprint,
  expectedOutcome,
  type TAccess,
  type TOutcome,
} from '../support/authz/invoke';
import { make } from '../support/authz/makers';
import { ROUTE_CASES, type TRouteFixture } from '../support/authz/route-cases';
import { addMember, setUpAuthzWorld, type TCaller, type TWorld } from '../support/authz/world';

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
  world = await setUpAuthzWorld();
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

/**
 * Prepares one call per caller, then runs the refused ones concurrently between two fingerprints of the whole
 * database (they must change nothing), then the allowed ones one by one. Returns every difference from the matrix.
 */
async function runCase<T>(
  name: string,
  access: TAccess,
  callers: TCaller[],
  prepare: (caller: TCaller) => Promise<T>,
  invoke: (caller: TCaller, call: T) => Promise<TOutcome>,
): Promise<string[]> {
  // Prepared one by one: preparing writes (uploads hold a per-organisation lock, recomputations a transaction);
  // in parallel they would contend for the connection pool.
  const prepared: { caller: TCaller; expected: TOutcome; call: T }[] = [];
  for (const caller of callers) {
    prepared.push({ caller, expected: expectedOutcome(access, caller), call: await prepare(caller) });
  }
  const problems: string[] = [];
  const report = (p: (typeof prepared)[number], outcome: TOutcome) => {
    if (outcome !== p.expected) {
      problems.push(`${name} as ${p.caller.label}: expected ${p.expected}, got ${outcome}`);
    }
  };
  const refused = prepared.filter((p) => p.expected !== 'allowed');
  if (refused.length > 0) {
    const before = await databaseFingerprint();
    const outcomes = await Promise.all(refused.map((p) => invoke(p.caller, p.call)));
    for (const [i, p] of refused.entries()) {
      report(p, outcomes[i] ?? 'error: none');
    }
    const changed = changedTables(before, await databaseFingerprint());
    if (changed.length > 0) {
      problems.push(`${name}: refused calls changed ${changed.join(', ')}`);
    }
  }
  for (const p of prepared.filter((x) => x.expected === 'allowed')) {
    report(p, await invoke(p.caller, p.call));
  }
  return problems;
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
      const problems = await runCase(
        c.key,
        c.access,
        world.callers,
        async () => c.prepare(fixture),
        async (caller, call) =>
          (await callRoute(endpoint?.file ?? '', endpoint?.method ?? '', caller, call)).outcome,
      );
      expect(problems).toEqual([]);
    });
  }
});

describe('server actions × (roles with a session, no session)', () => {
  for (const c of ACTION_CASES) {
    test(`${c.key} [${c.access}]`, async () => {
      const problems = await runCase(
        c.key,
        c.access,
        world.callers.filter((x) => x.kind !== 'token'),
        async (caller) => c.prepare(fixture, caller),
        (caller, { args, cookie }) => callAction(c.key, caller, args, cookie),
      );
      expect(problems).toEqual([]);
    });
  }
});
