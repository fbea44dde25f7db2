'use server';

import { isAPIError } from 'better-auth/api';
import { hashPassword } from 'better-auth/crypto';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { ZAcceptInvitationInput } from '@/lib/schemas/members';
import { passwordPolicyRefusal } from '@/lib/security/password-policy';
import { setActiveOrganization } from '@/lib/server/access/active-organization';
import { getAuthServer } from '@/lib/server/access/auth-server';
import { acceptInvitation } from '@/lib/server/access/invitation-accept';
import { accountExists, getInvitationByToken } from '@/lib/server/access/invitations';
import { FieldErrors } from '@/lib/server/http/action-result';
import { defineAction } from '@/lib/server/http/define-action';

// Public: the link's token is the credential. Parse → check the invitation → (create the account |
// prove the existing one with its password) → accept once (lib/server/access/invitations.ts) → sign in → the new organisation.

async function requireInvitation(token: string, now: Date) {
  const invitation = await getInvitationByToken(token, now);
  if (!invitation) {
    throw new AppError('NOT_FOUND', 'This invitation link is not valid.');
  }
  return invitation;
}

async function signInAs(email: string, password: string) {
  try {
    return await getAuthServer().api.signInEmail({ body: { email, password }, headers: await headers() });
  } catch (error) {
    if (isAPIError(error)) {
      throw new AppError(
        'UNAUTHENTICATED',
        error.statusCode === 429 ? error.message : 'The password is incorrect.',
      );
    }
    throw error;
  }
}

/**
 * One action for everyone holding the link: if the invited email has an account, the password must be its
 * password (a normal sign-in, lockout included); otherwise an account is created with the name and the password
 * (policy checked). Both paths answer the same shape (a redirect, or a message / field errors) and both hash or
 * verify a password with scrypt, so the page itself never tells whether an account exists.
 */
export const acceptInvitationAction = defineAction(
  { permission: 'public', input: ZAcceptInvitationInput },
  async ({ input: { token, name, password } }) => {
    const now = new Date();
    const invitation = await requireInvitation(token, now);
    let orgId: string;
    if (await accountExists(invitation.email)) {
      const signedIn = await signInAs(invitation.email, password);
      orgId = (await acceptInvitation(token, { existingUserId: signedIn.user.id }, now)).orgId;
    } else {
      assertNewAccountFields(name, password, invitation.email);
      const passwordHash = await hashPassword(password);
      orgId = (await acceptInvitation(token, { newUser: { name, passwordHash } }, now)).orgId;
      await signInAs(invitation.email, password);
    }
    await setActiveOrganization(orgId);
    redirect('/');
  },
);

function assertNewAccountFields(name: string, password: string, email: string): void {
  const fieldErrors: Record<string, string[]> = {};
  if (!name) {
    fieldErrors.name = ['Enter your name: no account exists for this email yet, so one will be created.'];
  }
  const weak = passwordPolicyRefusal(password, email);
  if (weak) {
    fieldErrors.password = [weak];
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new FieldErrors(fieldErrors);
  }
}
