import type { Role } from '@/lib/generated/prisma/enums';

/**
 * Who makes a change: a signed-in user (browser session), a user's bearer token (the API; the token id is kept so
 * the audit log can tell which credential acted, docs/SECURITY.md), or the system itself (start-up recovery,
 * scripts without a user), with the reason it acted.
 */
export type TActor =
  | { kind: 'user'; userId: string; tokenId?: null }
  | { kind: 'token'; userId: string; tokenId: string }
  | { kind: 'system'; reason: string };

/** An actor that is a member of the organisation (session or token): sign-offs and authorship need a person. */
export type TUserActor = Exclude<TActor, { kind: 'system' }>;

/**
 * The caller of a lib/server function: the organisation every query is scoped by, who acts, and with which role
 * (lib/server write functions re-check permissions with it). Functions that need less take a Pick<> of it.
 */
export interface TOrgContext {
  orgId: string;
  actor: TActor;
  role: Role;
}

/** TOrgContext for functions whose change needs a person (prepared, reviewed, approved, created by). */
export type TUserContext = Omit<TOrgContext, 'actor'> & { actor: TUserActor };

export const userActor = (userId: string): TUserActor => ({ kind: 'user', userId });
export const systemActor = (reason: string): TActor => ({ kind: 'system', reason });

/** The acting user's id; null for the system. */
export function actorUserId(actor: TActor): string | null {
  return actor.kind === 'system' ? null : actor.userId;
}

/** The bearer token's id; null for sessions and the system. */
export function actorTokenId(actor: TActor): string | null {
  return actor.kind === 'token' ? actor.tokenId : null;
}
