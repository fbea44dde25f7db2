'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { describeRecompute, type TRecomputeCounts } from '@/lib/restatements/describe-recompute';
import {
  ZAcceleratorOverrideInput,
  ZDeleteFactorOverrideInput,
  ZGridFactorOverrideInput,
  ZLocationOverrideInput,
} from '@/lib/schemas/factor-override';
import { ZDeleteNameAliasInput, ZNameAliasInput } from '@/lib/schemas/name-alias';
import type { TAuthContext } from '@/lib/server/access/auth-context';
import {
  createAcceleratorOverride,
  createGridFactorOverride,
  createLocationOverride,
  deleteFactorOverride,
} from '@/lib/server/factors/factor-overrides';
import { deleteNameAlias, saveNameAlias } from '@/lib/server/factors/name-aliases';
import { defineAction } from '@/lib/server/http/define-action';

/** Owners and admins change an override; the recompute counts travel back to the form. */
function overrideAction<S extends z.ZodType>(
  schema: S,
  change: (ctx: TAuthContext, input: z.output<S>, options: { now: Date }) => Promise<TRecomputeCounts>,
  done: string,
) {
  return defineAction({ permission: 'manageOrganization', input: schema }, async ({ ctx, input }) => {
    const counts = await change(ctx, input, { now: new Date() });
    revalidatePath('/', 'layout');
    return { message: `${done} ${describeRecompute(counts)}`, data: counts };
  });
}

export const createGridOverrideAction = overrideAction(
  ZGridFactorOverrideInput,
  createGridFactorOverride,
  'Grid-factor override added.',
);

export const createLocationOverrideAction = overrideAction(
  ZLocationOverrideInput,
  createLocationOverride,
  'Location override added.',
);

export const createAcceleratorOverrideAction = overrideAction(
  ZAcceleratorOverrideInput,
  createAcceleratorOverride,
  'Accelerator override added.',
);

/** On success the row disappears, so the counts travel to the page in the URL (shown above the table). */
export const deleteOverrideAction = defineAction(
  { permission: 'manageOrganization', input: ZDeleteFactorOverrideInput },
  async ({ ctx, input }) => {
    const { records, changedRecords, restatements } = await deleteFactorOverride(ctx, input, {
      now: new Date(),
    });
    revalidatePath('/', 'layout');
    redirect(`/factors?deleted=1&records=${records}&changed=${changedRecords}&restated=${restatements}`);
  },
);

/** Name mappings are usage-data inputs, like the uploads that create them: editors and above (writeUsage). */
export const deleteNameAliasAction = defineAction(
  { permission: 'writeUsage', input: ZDeleteNameAliasInput },
  async ({ ctx, input }) => {
    const deleted = await deleteNameAlias(ctx, input.id);
    revalidatePath('/factors');
    return { message: 'Mapping deleted.', data: deleted };
  },
);

/** The Factors page's mapping form; an empty provider field means "any provider". */
export const saveNameAliasFormAction = defineAction(
  {
    permission: 'writeUsage',
    input: ZNameAliasInput,
    fromForm: (formData) => {
      const { targetProvider, ...rest } = Object.fromEntries(formData);
      return targetProvider ? { ...rest, targetProvider } : rest;
    },
  },
  async ({ ctx, input }) => {
    const saved = await saveNameAlias(ctx, input);
    revalidatePath('/factors');
    return { message: `“${saved.alias}” is now mapped.` };
  },
);
