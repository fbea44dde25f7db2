'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ZCreateOrganizationInput, ZSwitchOrganizationInput } from '@/lib/schemas/members';
import { setActiveOrganization } from '@/lib/server/access/active-organization';
import { createOrganization } from '@/lib/server/access/organization-create';
import { defineAction } from '@/lib/server/http/define-action';

/** Switches the active organisation to one of the caller's memberships (others are ignored). */
export const switchOrganizationAction = defineAction(
  { permission: 'read', input: ZSwitchOrganizationInput },
  async ({ ctx, input }) => {
    const target = ctx.memberships.find((m) => m.orgSlug === input.orgSlug);
    if (target) {
      await setActiveOrganization(target.orgId);
    }
    revalidatePath('/', 'layout');
    redirect('/');
  },
);

/** Any signed-in user may create an organisation; they become its owner and it becomes active. */
export const createOrganizationAction = defineAction(
  { permission: 'read', input: ZCreateOrganizationInput },
  async ({ ctx, input }) => {
    const created = await createOrganization(ctx, input.name);
    await setActiveOrganization(created.orgId);
    revalidatePath('/', 'layout');
    redirect('/settings/organization');
  },
);
