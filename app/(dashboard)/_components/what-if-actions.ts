'use server';

import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { ZWhatIfInput } from '@/lib/schemas/what-if';
import { requireActionAuth } from '@/lib/server/access/auth-context';
import { computeWhatIf, type TWhatIfResult } from '@/lib/server/insights/what-if';

/** Runs a what-if scenario server-side (read permission; nothing is stored). */
export async function runWhatIfAction(input: unknown): Promise<TActionState<TWhatIfResult>> {
  const parsed = ZWhatIfInput.safeParse(input);
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('read');
    const result = await computeWhatIf(ctx, parsed.data, new Date());
    return { ok: true, data: result };
  } catch (error) {
    return toActionState(error);
  }
}
