'use server';

import { revalidatePath } from 'next/cache';
import { describeRecompute } from '@/lib/restatements/describe-recompute';
import { ZOrganizationSettingsInput } from '@/lib/schemas/organization-settings';
import { updateOrganizationSettings } from '@/lib/server/access/organization-settings';
import { defineAction } from '@/lib/server/http/define-action';

export interface TSettingsSaved {
  restatements: number | null;
}

export const updateOrganizationSettingsAction = defineAction(
  { permission: 'manageOrganization', input: ZOrganizationSettingsInput },
  async ({ ctx, input }): Promise<{ message: string; data: TSettingsSaved }> => {
    const { recompute } = await updateOrganizationSettings(ctx, input, { now: new Date() });
    revalidatePath('/', 'layout');
    return {
      message: recompute ? `Settings saved. ${describeRecompute(recompute)}` : 'Settings saved.',
      data: { restatements: recompute?.restatements ?? null },
    };
  },
);
