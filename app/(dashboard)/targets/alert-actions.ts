'use server';

import { revalidatePath } from 'next/cache';
import { ZDismissAlertInput } from '@/lib/schemas/targets';
import { requireActionAuth } from '@/lib/server/access/auth-context';
import { dismissBudgetAlert } from '@/lib/server/targets/budget-alerts';

/** Hides a budget alert banner for the signed-in user (any role may dismiss what it sees). */
export async function dismissBudgetAlertAction(formData: FormData): Promise<void> {
  const { alertId } = ZDismissAlertInput.parse(Object.fromEntries(formData));
  const ctx = await requireActionAuth('read');
  await dismissBudgetAlert(ctx, alertId);
  revalidatePath('/', 'layout');
}
