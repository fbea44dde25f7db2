'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { ZCreateOrganizationInput, ZSwitchOrganizationInput } from '@/lib/schemas/members';
import { setActiveOrganization } from '@/lib/server/access/active-organization';
import { requireActionAuth } from '@/lib/server/access/auth-context';
import { createOrganization } from '@/lib/server/access/organization-create';

/** Switches the active organisation to one of the caller's memberships (others are ignored). */
export async function switchOrganizationAction(formData: FormData): Promise<void> {
  const parsed = ZSwitchOrganizationInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return;
  }
  const ctx = await requireActionAuth('read');
  const target = ctx.memberships.find((m) => m.orgSlug === parsed.data.orgSlug);
  if (target) {
    await setActiveOrganization(target.orgId);
  }
  revalidatePath('/', 'layout');
  redirect('/');
}

/** Any signed-in user may create an organisation; they become its owner and it becomes active. */
export async function createOrganizationAction(
  _prev: TActionState,
  formData: FormData,
): Promise<TActionState> {
  const parsed = ZCreateOrganizationInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('read');
    const created = await createOrganization(ctx, parsed.data.name);
    await setActiveOrganization(created.orgId);
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath('/', 'layout');
  redirect('/settings/organization');
}
