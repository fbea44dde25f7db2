'use server';

import { revalidatePath } from 'next/cache';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { ZBudgetInput, ZDeleteByIdInput, ZTargetInput } from '@/lib/schemas/targets';
import { requireActionAuth } from '@/lib/server/access/auth-context';
import { deleteBudget, saveBudget } from '@/lib/server/targets/budgets';
import { deleteTarget, saveTarget } from '@/lib/server/targets/targets';

/** parse (Zod) → authorise (owners, admins) → save (lib/server, audited) → respond. */
export async function saveTargetAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZTargetInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageOrganization');
    const saved = await saveTarget(ctx, parsed.data);
    revalidatePath('/targets');
    return { ok: true, message: `Target “${saved.name}” saved (base value ${saved.baseValueSource}).` };
  } catch (error) {
    return toActionState(error);
  }
}

/** A new or changed budget may already be over a threshold: its alerts are evaluated after the response (lib/server/access/auth-context.ts). */
export async function saveBudgetAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZBudgetInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageOrganization');
    await saveBudget(ctx, parsed.data);
    revalidatePath('/', 'layout');
    return { ok: true, message: 'Budget saved.' };
  } catch (error) {
    return toActionState(error);
  }
}

/** Refused (role, another organisation's id) → the form's error state, never a thrown error (a 500). */
export async function deleteTargetAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZDeleteByIdInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageOrganization');
    await deleteTarget(ctx, parsed.data.id);
    revalidatePath('/targets');
    return { ok: true, message: 'Target deleted.' };
  } catch (error) {
    return toActionState(error);
  }
}

export async function deleteBudgetAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZDeleteByIdInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageOrganization');
    await deleteBudget(ctx, parsed.data.id);
    revalidatePath('/', 'layout');
    return { ok: true, message: 'Budget deleted.' };
  } catch (error) {
    return toActionState(error);
  }
}
