import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { type TOrgContext, userActor } from '@/lib/auth/actor';
import { TOKEN_SCOPES, type TTokenScope } from '@/lib/auth/token-scopes';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { pgRunner } from '@/lib/server/db/sql-runner';
import { recordAuditEvent } from '../audit/audit-events';
import type { TMembershipDto } from './memberships';

// Personal API tokens: `aif_` + 32 random bytes (base64url). Only the SHA-256 is stored: a high-entropy token
// needs no slow KDF, and a hash lookup keeps bearer authentication to one indexed query.
const TOKEN_PREFIX = 'aif_';

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface TApiTokenDto {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
  scopes: string[];
  userEmail: string;
}

export interface TCreatedApiToken {
  id: string;
  name: string;
  /** The plaintext token: shown once, never stored. */
  token: string;
  scopes: TTokenScope[];
  expiresAt: Date | null;
}

export interface TApiTokenOptions {
  /** Defaults to every scope (the token can then do all its user's role allows). */
  scopes?: readonly TTokenScope[];
  /** null or absent = never expires. */
  expiresAt?: Date | null;
}

/** Creates a token for `userId` in `orgId`; the names are unique per organisation. */
export async function createApiToken(
  ctx: { orgId: string; userId: string },
  name: string,
  options: TApiTokenOptions = {},
): Promise<TCreatedApiToken> {
  const scopes = [...(options.scopes ?? TOKEN_SCOPES)];
  const expiresAt = options.expiresAt ?? null;
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const prisma = getPrisma();
  const existing = await prisma.apiToken.findFirst({
    where: { orgId: ctx.orgId, name },
    select: { id: true },
  });
  if (existing) {
    throw new AppError(
      'CONFLICT',
      `A token named "${name}" already exists in this organisation; choose another name.`,
    );
  }
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        orgId: ctx.orgId,
        userId: ctx.userId,
        name,
        tokenHash: hashApiToken(token),
        prefix: token.slice(0, 8),
        scopes,
        expiresAt,
      },
      select: { id: true, name: true },
    });
    // Tokens are made by their own user (a session, or the CLI on the user's behalf).
    await recordAuditEvent(
      tx,
      { orgId: ctx.orgId, actor: userActor(ctx.userId) },
      {
        action: 'api_token.created',
        targetType: 'api_token',
        targetId: created.id,
        metadata: { name, scopes, expiresAt: expiresAt?.toISOString() ?? null },
      },
    );
    return created;
  });
  return { id: row.id, name: row.name, token, scopes, expiresAt };
}

/** Tokens of the organisation, newest first (never the hash). */
export async function findApiTokens(ctx: { orgId: string }): Promise<TApiTokenDto[]> {
  const rows = await getPrisma().apiToken.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      expiresAt: true,
      scopes: true,
      user: { select: { email: true } },
    },
  });
  return rows.map(({ user, ...rest }) => ({ ...rest, userEmail: user.email }));
}

/** Revokes a token of the organisation; a token of another organisation is NOT_FOUND. */
export async function revokeApiToken(
  ctx: Pick<TOrgContext, 'orgId' | 'actor'>,
  tokenId: string,
): Promise<void> {
  const prisma = getPrisma();
  await prisma.$transaction(async (tx) => {
    const result = await tx.apiToken.updateMany({
      where: { id: tokenId, orgId: ctx.orgId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count === 0) {
      throw new AppError('NOT_FOUND', 'No active token with that id in this organisation.');
    }
    await recordAuditEvent(tx, ctx, {
      action: 'api_token.revoked',
      targetType: 'api_token',
      targetId: tokenId,
    });
  });
}

export interface TBearerIdentity {
  tokenId: string;
  orgId: string;
  orgSlug: string;
  /** The organisation's IANA time zone (read with the token; saves the summary API a lookup). */
  orgTimeZone: string;
  /**
   * org_data_version.version of the token's organisation as a decimal string, read in the same statement: the key
   * of the cached read answers (lib/server/http/org-response-cache.ts), so a cached summary costs no extra lookup.
   */
  orgDataVersion: string;
  userId: string;
  role: Role;
  scopes: string[];
  /** All the user's memberships, oldest first (as findMembershipsForUser). */
  memberships: TMembershipDto[];
}

/** Why a bearer token was refused: each gets its own 401 message (lib/server/access/auth-context.ts). */
export type TBearerResolution =
  | { ok: true; identity: TBearerIdentity }
  | { ok: false; reason: 'unknown' | 'revoked' | 'not_member' }
  | { ok: false; reason: 'expired'; expiredAt: Date };

/**
 * Resolves a bearer token to its organisation, user, scopes and the user's current role there.
 * Revoked or expired tokens, and tokens whose user left the organisation, resolve to null.
 */
export async function getBearerIdentity(token: string, now: Date): Promise<TBearerIdentity | null> {
  const resolved = await resolveBearerToken(token, now);
  return resolved.ok ? resolved.identity : null;
}

/** Token use is recorded at most once a minute: a write per request would serialise concurrent calls on the row. */
const LAST_USED_RESOLUTION_MS = 60_000;

interface TBearerRow {
  id: string;
  org_id: string;
  user_id: string;
  revoked_at: Date | null;
  expires_at: Date | null;
  last_used_at: Date | null;
  scopes: string[];
  org_slug: string;
  org_time_zone: string;
  org_data_version: string;
  role: Role | null;
  memberships: TMembershipDto[];
}

/**
 * As getBearerIdentity, with the reason of a refusal. One statement reads the token, its organisation (slug,
 * time zone), the user's role there and all the user's memberships (the request context needs them), instead
 * of four round trips; checks stay in this order: unknown → revoked → expired → not a member. It runs on the pg pool
 * directly, not through Prisma's client: every API request pays it, and the client's per-call work was a visible
 * share of a cached summary request's CPU (docs/decisions/scale.md ADR 14).
 */
export async function resolveBearerToken(token: string, now: Date): Promise<TBearerResolution> {
  if (!token.startsWith(TOKEN_PREFIX)) {
    return { ok: false, reason: 'unknown' };
  }
  const [row] = await queryRows<TBearerRow>(
    pgRunner(),
    sql`
    SELECT t.id, t.org_id::text, t.user_id, t.revoked_at, t.expires_at, t.last_used_at, t.scopes,
           o.slug AS org_slug, o.time_zone AS org_time_zone, m.role::text AS role,
           COALESCE((SELECT v.version FROM org_data_version v WHERE v.org_id = t.org_id), 0)::text AS org_data_version,
           COALESCE((SELECT json_agg(json_build_object('orgId', mo.id, 'orgSlug', mo.slug, 'orgName', mo.name,
                                                       'role', mm.role) ORDER BY mm.created_at)
                       FROM membership mm JOIN organization mo ON mo.id = mm.org_id
                      WHERE mm.user_id = t.user_id), '[]'::json) AS memberships
      FROM api_token t
      JOIN organization o ON o.id = t.org_id
      LEFT JOIN membership m ON m.org_id = t.org_id AND m.user_id = t.user_id
     WHERE t.token_hash = ${hashApiToken(token)}`,
  );
  if (!row) {
    return { ok: false, reason: 'unknown' };
  }
  if (row.revoked_at) {
    return { ok: false, reason: 'revoked' };
  }
  if (row.expires_at && row.expires_at <= now) {
    return { ok: false, reason: 'expired', expiredAt: row.expires_at };
  }
  if (!row.role) {
    return { ok: false, reason: 'not_member' };
  }
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) {
    await getPrisma().apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: now } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    ok: true,
    identity: {
      tokenId: row.id,
      orgId: row.org_id,
      orgSlug: row.org_slug,
      orgTimeZone: row.org_time_zone,
      orgDataVersion: row.org_data_version,
      userId: row.user_id,
      role: row.role,
      scopes: row.scopes,
      memberships: row.memberships,
    },
  };
}
