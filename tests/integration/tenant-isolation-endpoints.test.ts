import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { routeEndpoints, serverActionKeys, type TRouteEndpoint } from '../support/authz/endpoint-inventory';
import { callAction, callRoute, changedTables, orgFingerprint, type TOutcome } from '../support/authz/invoke';
import { ISOLATION_CASES, type TIsolationFixture } from '../support/authz/isolation-cases';
import { make } from '../support/authz/makers';
import { addMember, setUpAuthzWorld, type TCaller, type TWorld } from '../support/authz/world';
import { cookiesSet } from '../support/request-context';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('../support/request-context')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('../support/request-context')).nextCacheMock);

// Issue #7: every endpoint that takes an id (path, body or form field), called by organisation A's owner — with
// a session and with an all-scope token — on organisation B's object: 404 / NOT_FOUND, never 403, and B's rows
// unchanged. Every other endpoint states why it takes no id; the completeness test enumerates the filesystem.

let world: TWorld;
let fixture: TIsolationFixture;
let endpoints: TRouteEndpoint[];

beforeAll(async () => {
  world = await setUpAuthzWorld();
  const { b } = world;
  const uploadId = await make.upload(b);
  const frozen = await make.frozenVersion(b, b.members.editor.userId);
  fixture = {
    a: world.a,
    b,
    bViewer: await addMember(b, 'viewer'),
    bReviewer: await addMember(b, 'admin'),
    bShared: {
      uploadId,
      recordId: await make.recordId(b),
      ...(await make.codecarbon(b)),
      ...frozen,
    },
  };
  endpoints = await routeEndpoints();
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

const callersOfA = (): TCaller[] =>
  world.callers.filter(
    (c) =>
      (c.kind !== 'anonymous' && c.member.role === 'owner' && c.label.includes('all')) ||
      c.label === 'owner session',
  );

describe('completeness: every endpoint has an isolation case or says why it takes no id', () => {
  test('route handler exports and server actions ↔ ISOLATION_CASES', async () => {
    const keys = [...endpoints.map((e) => e.key), ...(await serverActionKeys())];
    const covered = new Set(ISOLATION_CASES.map((c) => c.key));
    expect(keys.filter((k) => !covered.has(k))).toEqual([]);
    expect([...covered].filter((k) => !keys.includes(k))).toEqual([]);
  });
});

describe("organisation A's session and token on organisation B's objects", () => {
  for (const c of ISOLATION_CASES) {
    if ('noId' in c) {
      continue;
    }
    test(`${c.key}${c.label ? ` (${c.label})` : ''}`, async () => {
      const expected: TOutcome = c.expect ?? 'not_found';
      const problems: string[] = [];
      const callers = 'route' in c ? callersOfA() : callersOfA().filter((x) => x.kind === 'session');
      for (const caller of callers) {
        let outcome: TOutcome;
        let before: Record<string, string>;
        if ('route' in c) {
          const endpoint = endpoints.find((e) => e.key === c.key);
          const call = await c.route(fixture);
          before = await orgFingerprint(world.b.orgId);
          outcome = (await callRoute(endpoint?.file ?? '', endpoint?.method ?? '', caller, call)).outcome;
        } else {
          const { args } = await c.action(fixture);
          before = await orgFingerprint(world.b.orgId);
          outcome = await callAction(c.key, caller, args);
        }
        if (outcome !== expected) {
          problems.push(`${caller.label}: expected ${expected}, got ${outcome}`);
        }
        const changed = changedTables(before, await orgFingerprint(world.b.orgId));
        if (changed.length > 0) {
          problems.push(`${caller.label}: changed B's ${changed.join(', ')}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  test('switching to B by its slug leaves the active organisation cookie unset (the caller stays in A)', async () => {
    const session = callersOfA().find((x) => x.kind === 'session');
    expect(session).toBeDefined();
    const { formData } = await import('../support/authz/action-cases');
    const key = 'app/(dashboard)/settings/organizations/actions.ts#switchOrganizationAction';
    expect(await callAction(key, session as TCaller, [formData({ orgSlug: world.b.orgSlug })])).toBe(
      'allowed',
    );
    expect(cookiesSet().has('aif_org')).toBe(false);
  });
});
