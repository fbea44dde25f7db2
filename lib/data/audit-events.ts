import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

/** Who did it: the acting user (null for scripts such as the CLI). */
export interface TActor {
  orgId: string;
  userId?: string | null;
}

/** Appends an audit event inside the caller's transaction, so the event exists iff the change does. */
export async function recordAuditEvent(
  tx: Prisma.TransactionClient,
  actor: TActor,
  event: { action: string; targetType?: string; targetId?: string; metadata?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      orgId: actor.orgId,
      actorUserId: actor.userId ?? null,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      ...(event.metadata === undefined ? {} : { metadata: event.metadata }),
    },
  });
}
