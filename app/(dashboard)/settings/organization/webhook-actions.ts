'use server';

import { revalidatePath } from 'next/cache';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { ZAlertWebhookInput } from '@/lib/schemas/targets';
import { requireActionAuth } from '@/lib/server/access/auth-context';
import { saveAlertWebhook } from '@/lib/server/targets/alert-webhook';

/** parse (Zod) → authorise (owners, admins) → save (audited) → respond. */
export async function saveAlertWebhookAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZAlertWebhookInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageOrganization');
    await saveAlertWebhook(ctx, parsed.data);
    revalidatePath('/settings/organization');
    return { ok: true, message: parsed.data.enabled ? 'Webhook saved and enabled.' : 'Webhook saved (off).' };
  } catch (error) {
    return toActionState(error);
  }
}
