'use server';

import { revalidatePath } from 'next/cache';
import { ZBudgetInput, ZDeleteByIdInput, ZTargetInput } from '@/lib/schemas/targets';
import { defineAction } from '@/lib/server/http/define-action';
import { deleteBudget, saveBudget } from '@/lib/server/targets/budgets';
import { deleteTarget, restateTargetBase, saveTarget } from '@/lib/server/targets/targets';

// Owners and admins; every change is audited in lib/server. Refusals (role, another organisation's id) answer the
// form's error state, never a thrown error (a 500).

export const saveTargetAction = defineAction(
  { permission: 'manageOrganization', input: ZTargetInput },
  async ({ ctx, input }) => {
    const saved = await saveTarget(ctx, input);
    revalidatePath('/targets');
    return { message: `Target “${saved.name}” saved (base value ${saved.baseValueSource}).` };
  },
);

/** A new or changed budget may already be over a threshold: its alerts are evaluated after the response (lib/server/access/auth-context.ts). */
export const saveBudgetAction = defineAction(
  { permission: 'manageOrganization', input: ZBudgetInput },
  async ({ ctx, input }) => {
    await saveBudget(ctx, input);
    revalidatePath('/', 'layout');
    return { message: 'Budget saved.' };
  },
);

export const deleteTargetAction = defineAction(
  { permission: 'manageOrganization', input: ZDeleteByIdInput },
  async ({ ctx, input }) => {
    await deleteTarget(ctx, input.id);
    revalidatePath('/targets');
    return { message: 'Target deleted.' };
  },
);

export const deleteBudgetAction = defineAction(
  { permission: 'manageOrganization', input: ZDeleteByIdInput },
  async ({ ctx, input }) => {
    await deleteBudget(ctx, input.id);
    revalidatePath('/', 'layout');
    return { message: 'Budget deleted.' };
  },
);

/** Recomputes a computed base from the base year's records as they are now (the page's restatement prompt). */
export const restateTargetBaseAction = defineAction(
  { permission: 'manageOrganization', input: ZDeleteByIdInput },
  async ({ ctx, input }) => {
    const saved = await restateTargetBase(ctx, input.id);
    revalidatePath('/targets');
    return { message: `Base of “${saved.name}” restated from the ${saved.baseYear} records.` };
  },
);
