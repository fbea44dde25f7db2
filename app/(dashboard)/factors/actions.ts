'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { describeRecompute, type TRecomputeCounts } from '@/lib/restatements/describe-recompute';
import {
  ZAcceleratorOverrideInput,
  ZDeleteFactorOverrideInput,
  ZGridFactorOverrideInput,
  ZLocationOverrideInput,
} from '@/lib/schemas/factor-override';
import { requireActionAuth, type TAuthContext } from '@/lib/server/access/auth-context';
import {
  createAcceleratorOverride,
  createGridFactorOverride,
  createLocationOverride,
  deleteFactorOverride,
} from '@/lib/server/factors/factor-overrides';

type TState = TActionState<TRecomputeCounts>;

/** parse (Zod) → authorise (owners, admins) → change + recompute (lib/server) → respond with the counts. */
async function changeOverride<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  change: (ctx: TAuthContext, input: z.output<S>, options: { now: Date }) => Promise<TRecomputeCounts>,
  done: string,
): Promise<TState> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageOrganization');
    const counts = await change(ctx, parsed.data, { now: new Date() });
    revalidatePath('/', 'layout');
    return { ok: true, message: `${done} ${describeRecompute(counts)}`, data: counts };
  } catch (error) {
    return toActionState(error);
  }
}

export async function createGridOverrideAction(_prev: TState, formData: FormData): Promise<TState> {
  return changeOverride(
    ZGridFactorOverrideInput,
    formData,
    createGridFactorOverride,
    'Grid-factor override added.',
  );
}

export async function createLocationOverrideAction(_prev: TState, formData: FormData): Promise<TState> {
  return changeOverride(ZLocationOverrideInput, formData, createLocationOverride, 'Location override added.');
}

export async function createAcceleratorOverrideAction(_prev: TState, formData: FormData): Promise<TState> {
  return changeOverride(
    ZAcceleratorOverrideInput,
    formData,
    createAcceleratorOverride,
    'Accelerator override added.',
  );
}

/** On success the row disappears, so the counts travel to the page in the URL (shown above the table). */
export async function deleteOverrideAction(_prev: TState, formData: FormData): Promise<TState> {
  const state = await changeOverride(
    ZDeleteFactorOverrideInput,
    formData,
    deleteFactorOverride,
    'Override deleted.',
  );
  if (state.ok && state.data) {
    const { records, changedRecords, restatements } = state.data;
    redirect(`/factors?deleted=1&records=${records}&changed=${changedRecords}&restated=${restatements}`);
  }
  return state;
}
