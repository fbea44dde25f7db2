import type { Role } from '@/lib/generated/prisma/enums';

// Who may change whose membership. Pure: lib/server/access/members.ts calls it inside the transaction with fresh counts.
// Returns the reason the change is refused, or null when it is allowed.

export interface TMemberChange {
  actorRole: Role;
  /** The target's current role. */
  targetRole: Role;
  /** The role after the change; null = removal. */
  newRole: Role | null;
  /** Owners of the organisation right now (the target included if owner). */
  ownerCount: number;
}

export function memberChangeRefusal(change: TMemberChange): string | null {
  const { actorRole, targetRole, newRole, ownerCount } = change;
  if (actorRole !== 'owner' && actorRole !== 'admin') {
    return `Your role (${actorRole}) does not allow managing members.`;
  }
  if (actorRole !== 'owner' && (targetRole === 'owner' || newRole === 'owner')) {
    return 'Only owners can grant, change or remove the owner role.';
  }
  if (targetRole === 'owner' && newRole !== 'owner' && ownerCount <= 1) {
    return newRole === null
      ? 'The last owner cannot be removed; make another member owner first.'
      : 'The last owner cannot be demoted; make another member owner first.';
  }
  return null;
}

/** Invitations follow the same rule: only owners invite owners. */
export function inviteRefusal(actorRole: Role, role: Role): string | null {
  if (actorRole !== 'owner' && actorRole !== 'admin') {
    return `Your role (${actorRole}) does not allow inviting members.`;
  }
  if (role === 'owner' && actorRole !== 'owner') {
    return 'Only owners can invite owners.';
  }
  return null;
}
