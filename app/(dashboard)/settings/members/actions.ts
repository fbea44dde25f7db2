'use server';

import { revalidatePath } from 'next/cache';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { getEnv } from '@/lib/env';
import {
  ZChangeMemberRoleInput,
  ZInviteMemberInput,
  ZRemoveMemberInput,
  ZRevokeInvitationInput,
} from '@/lib/schemas/members';
import { requireActionAuth } from '@/lib/server/access/auth-context';
import { createInvitation, revokeInvitation } from '@/lib/server/access/invitations';
import { changeMemberRole, removeMember } from '@/lib/server/access/members';

export interface TInvitationLink {
  email: string;
  link: string;
  expiresAt: string;
}

export async function inviteMemberAction(
  _prev: TActionState<TInvitationLink>,
  formData: FormData,
): Promise<TActionState<TInvitationLink>> {
  const parsed = ZInviteMemberInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageMembers');
    const created = await createInvitation(ctx, parsed.data, new Date());
    revalidatePath('/settings/members');
    return {
      ok: true,
      data: {
        email: parsed.data.email,
        link: `${getEnv().BETTER_AUTH_URL}/invite/${created.token}`,
        expiresAt: created.expiresAt.toISOString(),
      },
    };
  } catch (error) {
    return toActionState(error);
  }
}

export async function changeMemberRoleAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZChangeMemberRoleInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageMembers');
    await changeMemberRole(ctx, parsed.data.userId, parsed.data.role);
    revalidatePath('/', 'layout');
    return { ok: true, message: 'Role saved; it applies from the member’s next request.' };
  } catch (error) {
    return toActionState(error);
  }
}

export async function removeMemberAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZRemoveMemberInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageMembers');
    await removeMember(ctx, parsed.data.userId, new Date());
    revalidatePath('/', 'layout');
    return { ok: true, message: 'Member removed.' };
  } catch (error) {
    return toActionState(error);
  }
}

export async function revokeInvitationAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZRevokeInvitationInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageMembers');
    await revokeInvitation(ctx, parsed.data.invitationId, new Date());
    revalidatePath('/settings/members');
    return { ok: true, message: 'Invitation revoked.' };
  } catch (error) {
    return toActionState(error);
  }
}
