'use server';

import { ZSwitchModelInput } from '@/lib/schemas/switch-model';
import { defineAction } from '@/lib/server/http/define-action';
import { requestNow } from '@/lib/server/http/request-clock';
import { computeSwitchModel } from '@/lib/server/insights/switch-model';

/** Runs the "switch model" what-if on the organisation's AI usage (read permission; nothing is stored). */
export const runSwitchModelAction = defineAction(
  { permission: 'read', input: ZSwitchModelInput },
  async ({ ctx, input }) => ({ data: await computeSwitchModel(ctx, input, requestNow()) }),
);
