import 'server-only';
import type { TOrgContext } from '@/lib/auth/actor';
import { assertPermission } from '@/lib/auth/roles';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TAuditFilters } from '@/lib/schemas/audit-filters';
import { getPrisma } from '@/lib/server/db/prisma';
import { likeLiteral } from '../db/like-literal';

// The organisation's audit log for the /audit page and its CSV export (readAudit: owner, admin, auditor).
// Scoped by org_id like every lib/server function; the permission is re-checked here as a second line of defence.

export const AUDIT_PAGE_SIZE = 50;
/** Upper bound of one CSV export (rows), so a request cannot stream an unbounded table. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export interface TAuditEventDto {
  id: string;
  createdAt: Date;
  action: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorTokenId: string | null;
  targetType: string | null;
  targetId: string | null;
  metadata: unknown;
}

async function whereOf(
  ctx: Pick<TOrgContext, 'orgId' | 'role'>,
  filters: TAuditFilters,
): Promise<Prisma.AuditEventWhereInput> {
  const where: Prisma.AuditEventWhereInput = { orgId: ctx.orgId };
  if (filters.action) {
    where.action = filters.action;
  }
  if (filters.actor) {
    // Only members of this organisation can be matched: the filter never reveals other organisations' users.
    const members = await getPrisma().membership.findMany({
      where: {
        orgId: ctx.orgId,
        user: { email: { contains: likeLiteral(filters.actor), mode: 'insensitive' } },
      },
      select: { userId: true },
    });
    where.actorUserId = { in: members.map((m) => m.userId) };
  }
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
      ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000) } : {}),
    };
  }
  return where;
}

async function withEmails(rows: Omit<TAuditEventDto, 'actorEmail'>[]): Promise<TAuditEventDto[]> {
  const ids = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is string => id !== null))];
  const users = ids.length
    ? await getPrisma().user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })
    : [];
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((r) => ({ ...r, actorEmail: r.actorUserId ? (emails.get(r.actorUserId) ?? null) : null }));
}

const SELECT = {
  id: true,
  createdAt: true,
  action: true,
  actorUserId: true,
  actorTokenId: true,
  targetType: true,
  targetId: true,
  metadata: true,
} as const;

/** One page of events, newest first, and the total matching count. */
export async function findAuditEventsPage(
  ctx: Pick<TOrgContext, 'orgId' | 'role'>,
  filters: TAuditFilters,
): Promise<{ rows: TAuditEventDto[]; total: number; pageSize: number }> {
  assertPermission(ctx.role, 'readAudit');
  const where = await whereOf(ctx, filters);
  const prisma = getPrisma();
  const [rows, total] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: SELECT,
    }),
    prisma.auditEvent.count({ where }),
  ]);
  return { rows: await withEmails(rows), total, pageSize: AUDIT_PAGE_SIZE };
}

/** Every matching event (up to AUDIT_EXPORT_MAX_ROWS), newest first, in batches for streaming. */
export async function* iterateAuditEvents(
  ctx: Pick<TOrgContext, 'orgId' | 'role'>,
  filters: TAuditFilters,
  batchSize = 1000,
): AsyncGenerator<TAuditEventDto[]> {
  assertPermission(ctx.role, 'readAudit');
  const where = await whereOf(ctx, filters);
  for (let skip = 0; skip < AUDIT_EXPORT_MAX_ROWS; skip += batchSize) {
    const rows = await getPrisma().auditEvent.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip,
      take: batchSize,
      select: SELECT,
    });
    if (rows.length === 0) {
      return;
    }
    yield await withEmails(rows);
    if (rows.length < batchSize) {
      return;
    }
  }
}

/** The distinct actions of the organisation's log, for the filter's select. */
export async function findAuditActions(ctx: Pick<TOrgContext, 'orgId' | 'role'>): Promise<string[]> {
  assertPermission(ctx.role, 'readAudit');
  const rows = await getPrisma().auditEvent.findMany({
    where: { orgId: ctx.orgId },
    distinct: ['action'],
    select: { action: true },
    orderBy: { action: 'asc' },
  });
  return rows.map((r) => r.action);
}
