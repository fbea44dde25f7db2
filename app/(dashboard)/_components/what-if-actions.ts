'use server';

import { ZWhatIfInput } from '@/lib/schemas/what-if';
import { defineAction } from '@/lib/server/http/define-action';
import { requestNow } from '@/lib/server/http/request-clock';
import { computeWhatIf } from '@/lib/server/insights/what-if';

/** Runs a what-if scenario server-side (read permission; nothing is stored). */
export const runWhatIfAction = defineAction(
  { permission: 'read', input: ZWhatIfInput },
  async ({ ctx, input }) => ({ data: await computeWhatIf(ctx, input, requestNow()) }),
);
