'use server';

import { revalidatePath } from 'next/cache';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { requireActionAuth } from '@/lib/auth/context';
import { createApiToken, revokeApiToken } from '@/lib/data/api-tokens';
import { ZCreateApiTokenInput, ZRevokeApiTokenInput } from '@/lib/schemas/api-token';

export interface TCreatedTokenData {
  name: string;
  token: string;
}

export async function createApiTokenAction(
  _prev: TActionState<TCreatedTokenData>,
  formData: FormData,
): Promise<TActionState<TCreatedTokenData>> {
  const parsed = ZCreateApiTokenInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageTokens');
    const created = await createApiToken(ctx, parsed.data.name);
    revalidatePath('/settings/tokens');
    return { ok: true, data: { name: created.name, token: created.token } };
  } catch (error) {
    return toActionState(error);
  }
}

export async function revokeApiTokenAction(formData: FormData): Promise<void> {
  const parsed = ZRevokeApiTokenInput.parse(Object.fromEntries(formData));
  const ctx = await requireActionAuth('manageTokens');
  await revokeApiToken(ctx, parsed.tokenId);
  revalidatePath('/settings/tokens');
}
