'use server';

import { revalidatePath } from 'next/cache';
import { getEnv } from '@/lib/env';
import {
  ZChangeMemberRoleInput,
  ZInviteMemberInput,
  ZRemoveMemberInput,
  ZRevokeInvitationInput,
} from '@/lib/schemas/members';
import { createInvitation, revokeInvitation } from '@/lib/server/access/invitations';
import { changeMemberRole, removeMember } from '@/lib/server/access/members';
import { defineAction } from '@/lib/server/http/define-action';

export interface TInvitationLink {
  email: string;
  link: string;
  expiresAt: string;
}

export const inviteMemberAction = defineAction(
  { permission: 'manageMembers', input: ZInviteMemberInput },
  async ({ ctx, input }): Promise<{ data: TInvitationLink }> => {
    const created = await createInvitation(ctx, input, new Date());
    revalidatePath('/settings/members');
    return {
      data: {
        email: input.email,
        link: `${getEnv().BETTER_AUTH_URL}/invite/${created.token}`,
        expiresAt: created.expiresAt.toISOString(),
      },
    };
  },
);

export const changeMemberRoleAction = defineAction(
  { permission: 'manageMembers', input: ZChangeMemberRoleInput },
  async ({ ctx, input }) => {
    await changeMemberRole(ctx, input.userId, input.role);
    revalidatePath('/', 'layout');
    return { message: 'Role saved; it applies from the member’s next request.' };
  },
);

export const removeMemberAction = defineAction(
  { permission: 'manageMembers', input: ZRemoveMemberInput },
  async ({ ctx, input }) => {
    await removeMember(ctx, input.userId, new Date());
    revalidatePath('/', 'layout');
    return { message: 'Member removed.' };
  },
);

export const revokeInvitationAction = defineAction(
  { permission: 'manageMembers', input: ZRevokeInvitationInput },
  async ({ ctx, input }) => {
    await revokeInvitation(ctx, input.invitationId, new Date());
    revalidatePath('/settings/members');
    return { message: 'Invitation revoked.' };
  },
);
