import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { deleteTargetAction } from '@/app/(dashboard)/targets/actions';
import { DELETE as deleteContract } from '@/app/api/v1/energy-contracts/[id]/route';
import { POST as createContract } from '@/app/api/v1/energy-contracts/route';
import { DELETE as deleteOverride } from '@/app/api/v1/factors/overrides/[kind]/[id]/route';
import { POST as createOverride } from '@/app/api/v1/factors/overrides/route';
import { POST as signOff } from '@/app/api/v1/reports/[period]/versions/[version]/[step]/route';
import { POST as freeze } from '@/app/api/v1/reports/[period]/versions/route';
import { POST as upload } from '@/app/api/v1/uploads/route';
import { GENERIC_EXAMPLE_CSV } from '@/lib/ingest/templates';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { formData } from '../support/authz/action-cases';
import { APP_ORIGIN } from '../support/authz/invoke';
import { make } from '../support/authz/makers';
import { addMember, setUpAuthzWorld, type TMember, type TOrgFixture } from '../support/authz/world';
import { withRequest } from '../support/request-context';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('../support/request-context')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('../support/request-context')).nextCacheMock);

// docs/SECURITY.md "Audit log": every audit event names the acting user and, when the request carried a bearer
// token, that token. A token-authenticated freeze, review, approval, factor override, energy contract change and
// upload each store the token id next to the user id; the same change made from a browser session stores the
// user and no token. Real Postgres, real Better Auth session, route handlers called as Next.js would.

const API = 'http://localhost/api/v1';
let preparer: TMember;
let reviewer: TMember;
let approver: TMember;
let admin: TMember;
let orgA: TOrgFixture;
const tokens: Record<string, { id: string; token: string }> = {};

const call = (
  token: string,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
) =>
  new Request(`${API}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Audit events of `action` in the organisation, oldest first, with both actor columns. */
const eventsOf = (action: string) =>
  getPrisma().auditEvent.findMany({
    where: { orgId: preparer.orgId, action },
    orderBy: { createdAt: 'asc' },
    select: { actorUserId: true, actorTokenId: true, targetId: true },
  });

const GO = {
  reference: 'GO-AUDIT-0001',
  instrumentType: 'GO',
  marketZone: 'FR',
  periodStart: '2026-01-01',
  periodEnd: '2027-01-01',
  volumeMwh: 10,
  gCo2ePerKwh: 0,
  supplier: 'Hydro du Rhône',
};
const GRID = {
  kind: 'grid',
  override: {
    zone: 'FR',
    validFrom: '2026-01-01',
    validTo: '2027-01-01',
    gCo2ePerKwh: 21.5,
    basis: 'lifecycle',
    source: 'Supplier disclosure 2026',
  },
};

beforeAll(async () => {
  const world = await setUpAuthzWorld();
  orgA = world.a;
  preparer = world.a.members.editor;
  reviewer = world.a.members.auditor;
  approver = world.a.members.owner;
  admin = await addMember(world.a, 'admin');
  for (const [label, member] of Object.entries({ preparer, reviewer, approver, admin })) {
    const created = await createApiToken(member, `audit-actor-${label}`);
    tokens[label] = { id: created.id, token: created.token };
  }
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('audit events carry the bearer token that made the change', () => {
  test('freeze (editor token), review (auditor token), approve (owner token): each event stores its token and user', async () => {
    const period = '2026-Q1';
    const frozen = await freeze(call(tokens.preparer?.token ?? '', 'POST', `/reports/${period}/versions`), {
      params: Promise.resolve({ period }),
    });
    expect(frozen.status).toBe(201);
    for (const [step, who] of [
      ['review', 'reviewer'],
      ['approve', 'approver'],
    ] as const) {
      const response = await signOff(
        call(tokens[who]?.token ?? '', 'POST', `/reports/${period}/versions/1/${step}`),
        {
          params: Promise.resolve({ period, version: '1', step }),
        },
      );
      expect(response.status).toBe(200);
    }
    expect(await eventsOf('report.frozen')).toEqual([
      expect.objectContaining({ actorUserId: preparer.userId, actorTokenId: tokens.preparer?.id }),
    ]);
    expect(await eventsOf('report.reviewed')).toEqual([
      expect.objectContaining({ actorUserId: reviewer.userId, actorTokenId: tokens.reviewer?.id }),
    ]);
    expect(await eventsOf('report.approved')).toEqual([
      expect.objectContaining({ actorUserId: approver.userId, actorTokenId: tokens.approver?.id }),
    ]);
  });

  test('factor override created and deleted with an admin token: both events store the token', async () => {
    const token = tokens.admin?.token ?? '';
    const created = await createOverride(call(token, 'POST', '/factors/overrides', GRID));
    expect(created.status).toBe(201);
    const [override] = await getPrisma().emissionFactor.findMany({
      where: { orgId: preparer.orgId },
      select: { id: true },
    });
    expect(override).toBeDefined();
    const removed = await deleteOverride(call(token, 'DELETE', `/factors/overrides/grid/${override?.id}`), {
      params: Promise.resolve({ kind: 'grid', id: override?.id ?? '' }),
    });
    expect(removed.status).toBe(200);
    const byAdminToken = { actorUserId: admin.userId, actorTokenId: tokens.admin?.id };
    const overrideEvents = await getPrisma().auditEvent.findMany({
      where: { orgId: preparer.orgId, action: { startsWith: 'factor.override.' } },
      select: { action: true, actorUserId: true, actorTokenId: true },
    });
    expect(overrideEvents.map((e) => e.action).sort()).toEqual([
      'factor.override.created',
      'factor.override.deleted',
    ]);
    for (const event of overrideEvents) {
      expect(event).toMatchObject(byAdminToken);
    }
  });

  test('energy contract created and deleted with the owner token: both events store the token', async () => {
    const token = tokens.approver?.token ?? '';
    const created = await createContract(call(token, 'POST', '/energy-contracts', GO));
    expect(created.status).toBe(201);
    const { contract } = (await created.json()) as { contract: { id: string } };
    const removed = await deleteContract(call(token, 'DELETE', `/energy-contracts/${contract.id}`), {
      params: Promise.resolve({ id: contract.id }),
    });
    expect(removed.status).toBe(200);
    const byOwnerToken = { actorUserId: approver.userId, actorTokenId: tokens.approver?.id };
    expect(await eventsOf('contract.created')).toEqual([expect.objectContaining(byOwnerToken)]);
    expect(await eventsOf('contract.deleted')).toEqual([expect.objectContaining(byOwnerToken)]);
  });

  test('an upload with the editor token stores the token', async () => {
    const response = await upload(
      call(
        tokens.preparer?.token ?? '',
        'POST',
        '/uploads?fileName=audit.csv',
        GENERIC_EXAMPLE_CSV,
        'text/csv',
      ),
    );
    expect(response.status).toBe(201);
    expect(await eventsOf('upload.completed')).toEqual([
      expect.objectContaining({ actorUserId: preparer.userId, actorTokenId: tokens.preparer?.id }),
    ]);
  });

  test('the same change from a browser session stores the user and no token', async () => {
    const headers = { cookie: admin.cookie, origin: 'http://localhost', 'content-type': 'application/json' };
    const created = await withRequest(headers, () =>
      createContract(
        new Request(`${API}/energy-contracts`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ ...GO, reference: 'GO-AUDIT-SESSION' }),
        }),
      ),
    );
    expect(created.status).toBe(201);
    const { contract } = (await created.json()) as { contract: { id: string } };
    const events = await getPrisma().auditEvent.findMany({
      where: { orgId: preparer.orgId, action: 'contract.created', targetId: contract.id },
      select: { actorUserId: true, actorTokenId: true },
    });
    expect(events).toEqual([{ actorUserId: admin.userId, actorTokenId: null }]);
  });

  test('a server action (session) stores the user and no token', async () => {
    const id = await make.target(orgA);
    const state = await withRequest({ cookie: approver.cookie, origin: APP_ORIGIN }, () =>
      deleteTargetAction({ ok: false }, formData({ id })),
    );
    expect(state).toMatchObject({ ok: true });
    const events = await getPrisma().auditEvent.findMany({
      where: { orgId: preparer.orgId, action: 'target.deleted', targetId: id },
      select: { actorUserId: true, actorTokenId: true },
    });
    expect(events).toEqual([{ actorUserId: approver.userId, actorTokenId: null }]);
  });
});
