'use server';

import { revalidatePath } from 'next/cache';
import { ZAlertWebhookInput } from '@/lib/schemas/targets';
import { defineAction } from '@/lib/server/http/define-action';
import { saveAlertWebhook } from '@/lib/server/targets/alert-webhook';

/** Owners and admins save the budget-alert webhook (audited). */
export const saveAlertWebhookAction = defineAction(
  { permission: 'manageOrganization', input: ZAlertWebhookInput },
  async ({ ctx, input }) => {
    await saveAlertWebhook(ctx, input);
    revalidatePath('/settings/organization');
    return { message: input.enabled ? 'Webhook saved and enabled.' : 'Webhook saved (off).' };
  },
);
