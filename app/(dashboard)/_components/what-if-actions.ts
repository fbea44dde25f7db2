'use server';

import { ZWhatIfInput } from '@/lib/schemas/what-if';
import { defineAction } from '@/lib/server/http/define-action';
import { computeWhatIf } from '@/lib/server/insights/what-if';

/** Runs a what-if scenario server-side (read permission; nothing is stored). */
export const runWhatIfAction = defineAction(
  { permission: 'read', input: ZWhatIfInput },
  async ({ ctx, input }) => ({ data: await computeWhatIf(ctx, input, new Date()) }),
);
