'use server';

import { isAPIError } from 'better-auth/api';
import { hashPassword } from 'better-auth/crypto';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { setActiveOrganization } from '@/lib/auth/active-organization';
import { getAuthServer } from '@/lib/data/auth-server';
import { acceptInvitation } from '@/lib/data/invitation-accept';
import { getInvitationByToken } from '@/lib/data/invitations';
import { AppError } from '@/lib/errors';
import { ZAcceptInvitationExistingUser, ZAcceptInvitationNewUser } from '@/lib/schemas/members';

// Public: the link's token is the credential. Parse → check the invitation → (create the account |
// prove the existing one with its password) → accept once (lib/data/invitations.ts) → sign in → the new organisation.

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

export async function acceptAsNewUserAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZAcceptInvitationNewUser.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const now = new Date();
    const invitation = await requireInvitation(parsed.data.token, now);
    const passwordHash = await hashPassword(parsed.data.password);
    const accepted = await acceptInvitation(
      parsed.data.token,
      { newUser: { name: parsed.data.name, passwordHash } },
      now,
    );
    await signInAs(invitation.email, parsed.data.password);
    await setActiveOrganization(accepted.orgId);
  } catch (error) {
    return toActionState(error);
  }
  redirect('/');
}

export async function acceptAsExistingUserAction(
  _prev: TActionState,
  formData: FormData,
): Promise<TActionState> {
  const parsed = ZAcceptInvitationExistingUser.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const now = new Date();
    const invitation = await requireInvitation(parsed.data.token, now);
    const signedIn = await signInAs(invitation.email, parsed.data.password);
    const accepted = await acceptInvitation(parsed.data.token, { existingUserId: signedIn.user.id }, now);
    await setActiveOrganization(accepted.orgId);
  } catch (error) {
    return toActionState(error);
  }
  redirect('/');
}
