'use server';

import { revalidatePath } from 'next/cache';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { describeRecompute } from '@/lib/restatements/describe-recompute';
import { ZOrganizationSettingsInput } from '@/lib/schemas/organization-settings';
import { requireActionAuth } from '@/lib/server/access/auth-context';
import { updateOrganizationSettings } from '@/lib/server/access/organization-settings';

export interface TSettingsSaved {
  restatements: number | null;
}

export async function updateOrganizationSettingsAction(
  _prev: TActionState<TSettingsSaved>,
  formData: FormData,
): Promise<TActionState<TSettingsSaved>> {
  const parsed = ZOrganizationSettingsInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageOrganization');
    const { recompute } = await updateOrganizationSettings(ctx, parsed.data, { now: new Date() });
    revalidatePath('/', 'layout');
    return {
      ok: true,
      message: recompute ? `Settings saved. ${describeRecompute(recompute)}` : 'Settings saved.',
      data: { restatements: recompute?.restatements ?? null },
    };
  } catch (error) {
    return toActionState(error);
  }
}
