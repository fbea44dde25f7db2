'use server';

import { revalidatePath } from 'next/cache';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { ZModelLineageInput } from '@/lib/schemas/model-lineage';
import { requireActionAuth } from '@/lib/server/access/auth-context';
import { upsertModelLineage } from '@/lib/server/usage/model-lineages';

/** Declares a model's family and base model: parse → authorise (writeUsage) → lib/server (audited) → respond. */
export async function saveModelLineageAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZModelLineageInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('writeUsage');
    const saved = await upsertModelLineage(ctx, parsed.data);
    revalidatePath('/models');
    return {
      ok: true,
      message: `${saved.model}: family ${saved.family}${saved.baseModel ? `, fine-tuned from ${saved.baseModel}` : ''}.`,
    };
  } catch (error) {
    return toActionState(error);
  }
}
