'use server';

import { revalidatePath } from 'next/cache';
import { ZDismissAlertInput } from '@/lib/schemas/targets';
import { defineAction } from '@/lib/server/http/define-action';
import { dismissBudgetAlert } from '@/lib/server/targets/budget-alerts';

/** Hides a budget alert banner for the signed-in user (any role may dismiss what it sees). */
export const dismissBudgetAlertAction = defineAction(
  { permission: 'read', input: ZDismissAlertInput },
  async ({ ctx, input }) => {
    await dismissBudgetAlert(ctx, input.alertId);
    revalidatePath('/', 'layout');
  },
);
