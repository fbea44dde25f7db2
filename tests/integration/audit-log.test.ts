import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as exportAudit } from '@/app/(dashboard)/audit/export/route';
import type { Role } from '@/lib/generated/prisma/enums';
import { parseAuditFilters } from '@/lib/schemas/audit-filters';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { findAuditActions, findAuditEventsPage, iterateAuditEvents } from '@/lib/server/audit/audit-log';
import { getPrisma } from '@/lib/server/db/prisma';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

// Issue #7: the audit log is readable by owner, admin and auditor only, and only within their organisation.
let a: Awaited<ReturnType<typeof createOrgWithMember>>;
let b: Awaited<ReturnType<typeof createOrgWithMember>>;
const tokens: Partial<Record<Role, string>> = {};

async function addMember(orgId: string, role: Role) {
  const id = `${role}-${orgId.slice(0, 8)}`;
  await getPrisma().user.create({ data: { id, email: `${role}@a.test`, name: role, emailVerified: true } });
  await getPrisma().membership.create({ data: { orgId, userId: id, role } });
  tokens[role] = (await createApiToken({ orgId, userId: id }, role)).token;
}

const event = (orgId: string, action: string, createdAt: string, actorUserId: string | null = null) =>
  getPrisma().auditEvent.create({
    data: { orgId, action, createdAt: new Date(createdAt), actorUserId, metadata: { note: '=SUM(A1)' } },
  });

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  a = await createOrgWithMember('owner');
  b = await createOrgWithMember('owner');
  for (const role of ['admin', 'editor', 'viewer', 'auditor'] as const) {
    await addMember(a.orgId, role);
  }
  await event(a.orgId, 'upload.deleted', '2026-01-10T10:00:00Z', a.userId);
  await event(a.orgId, 'report.approved', '2026-02-10T10:00:00Z', `auditor-${a.orgId.slice(0, 8)}`);
  await event(b.orgId, 'upload.deleted', '2026-01-10T10:00:00Z', b.userId);
  await event(b.orgId, 'b.secret-action', '2026-01-11T10:00:00Z', b.userId);
});

afterAll(async () => {
  await getPrisma().$disconnect();
});

const ctxA = (role: Role) => ({ orgId: a.orgId, role });
const all = parseAuditFilters({});

describe('audit log scoping', () => {
  test("A's log never contains B's events; actions list is A's only", async () => {
    const page = await findAuditEventsPage(ctxA('auditor'), all);
    expect(page.rows.every((r) => r.action !== 'b.secret-action')).toBe(true);
    expect(page.rows.map((r) => r.actorUserId)).not.toContain(b.userId);
    expect(await findAuditActions(ctxA('admin'))).not.toContain('b.secret-action');
  });

  test('filters: action, actor email, inclusive date range', async () => {
    const byAction = await findAuditEventsPage(
      ctxA('owner'),
      parseAuditFilters({ action: 'upload.deleted' }),
    );
    expect(byAction.rows.map((r) => r.actorEmail)).toEqual([a.email]);
    const byActor = await findAuditEventsPage(ctxA('owner'), parseAuditFilters({ actor: 'AUDITOR@' }));
    // The auditor created its token (beforeAll) and approved a report.
    expect(byActor.rows.map((r) => r.action).sort()).toEqual(['api_token.created', 'report.approved']);
    // B's owner is not a member of A: filtering by B's email finds nothing in A.
    expect((await findAuditEventsPage(ctxA('owner'), parseAuditFilters({ actor: b.email }))).total).toBe(0);
    const january = await findAuditEventsPage(
      ctxA('owner'),
      parseAuditFilters({ from: '2026-01-10', to: '2026-01-10' }),
    );
    expect(january.rows.map((r) => r.action)).toEqual(['upload.deleted']);
  });

  test('editor and viewer are FORBIDDEN in the data layer', async () => {
    for (const role of ['editor', 'viewer'] as const) {
      await expect(findAuditEventsPage(ctxA(role), all)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(iterateAuditEvents(ctxA(role), all).next()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('GET /audit/export', () => {
  const get = (token: string | undefined, query = '') =>
    exportAudit(
      new Request(`http://localhost/audit/export?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );

  test('auditor and admin get a formula-safe CSV of their organisation only', async () => {
    for (const role of ['auditor', 'admin'] as const) {
      const response = await get(tokens[role]);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      const text = await response.text();
      expect(text.split('\r\n')[0]).toBe(
        'time_utc,action,actor_email,actor_user_id,actor_token_id,target_type,target_id,details_json',
      );
      expect(text).toContain('upload.deleted');
      expect(text).not.toContain('b.secret-action');
      expect(text).toContain(`"{""note"":""=SUM(A1)""}"`);
      expect(text).not.toMatch(/(^|,)=SUM/m);
    }
  });

  test('editor and viewer tokens are refused with 403', async () => {
    expect((await get(tokens.editor)).status).toBe(403);
    expect((await get(tokens.viewer)).status).toBe(403);
  });

  test('filters apply to the export', async () => {
    const text = await (await get(tokens.auditor, 'action=report.approved')).text();
    expect(text.trim().split('\r\n')).toHaveLength(2);
  });
});
