import 'server-only';
import { actorTokenId, actorUserId, type TOrgContext } from '@/lib/auth/actor';
import { executeSql, sql, type TSqlDb } from '../db/sql';

export interface TAuditEvent {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  /** Stored as JSONB; absent = NULL. */
  metadata?: unknown;
  /** SHA-256 (hex) of the bytes the event is about (upload, frozen or exported report). */
  contentHash?: string | null;
  /** When it happened, if the caller's clock decides (sign-ins); default: the database's clock at the insert. */
  at?: Date;
}

// The one statement that writes the audit log. `clock_timestamp()`, not the column default (the transaction's
// start time): events written in one transaction keep the order they happened in.

/**
 * Appends an audit event with the actor (user, and the bearer token when one was used; neither for the system)
 * inside the caller's transaction, so the event exists iff the change does. `db`: a Prisma interactive
 * transaction or a TSqlRunner (a pg client in BEGIN: `pgRunner(client)`).
 */
export async function recordAuditEvent(
  db: TSqlDb,
  ctx: Pick<TOrgContext, 'orgId' | 'actor'>,
  event: TAuditEvent,
): Promise<void> {
  const metadata = event.metadata === undefined ? null : JSON.stringify(event.metadata);
  await executeSql(
    db,
    sql`INSERT INTO audit_event
          (org_id, actor_user_id, actor_token_id, action, target_type, target_id, metadata, content_hash, created_at)
        VALUES (${ctx.orgId}::uuid, ${actorUserId(ctx.actor)}, ${actorTokenId(ctx.actor)}::uuid, ${event.action},
                ${event.targetType ?? null}, ${event.targetId ?? null}, ${metadata}::jsonb, ${event.contentHash ?? null},
                coalesce(${event.at ?? null}::timestamptz, clock_timestamp()))`,
  );
}
