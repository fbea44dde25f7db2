'use server';

import { revalidatePath } from 'next/cache';
import { requireActionAuth } from '@/lib/auth/context';
import { dismissBudgetAlert } from '@/lib/data/budget-alerts';
import { ZDismissAlertInput } from '@/lib/schemas/targets';

/** Hides a budget alert banner for the signed-in user (any role may dismiss what it sees). */
export async function dismissBudgetAlertAction(formData: FormData): Promise<void> {
  const { alertId } = ZDismissAlertInput.parse(Object.fromEntries(formData));
  const ctx = await requireActionAuth('read');
  await dismissBudgetAlert(ctx, alertId);
  revalidatePath('/', 'layout');
}
