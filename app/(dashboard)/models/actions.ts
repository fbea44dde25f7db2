'use server';

import { revalidatePath } from 'next/cache';
import { ZModelLineageInput } from '@/lib/schemas/model-lineage';
import { defineAction } from '@/lib/server/http/define-action';
import { upsertModelLineage } from '@/lib/server/usage/model-lineages';

/** Declares a model's family and base model (writeUsage; audited). */
export const saveModelLineageAction = defineAction(
  { permission: 'writeUsage', input: ZModelLineageInput },
  async ({ ctx, input }) => {
    const saved = await upsertModelLineage(ctx, input);
    revalidatePath('/models');
    return {
      message: `${saved.model}: family ${saved.family}${saved.baseModel ? `, fine-tuned from ${saved.baseModel}` : ''}.`,
    };
  },
);
