'use server';

import { revalidatePath } from 'next/cache';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { ZCreateApiTokenInput, ZRevokeApiTokenInput } from '@/lib/schemas/api-token';
import { createApiToken, revokeApiToken } from '@/lib/server/access/api-tokens';
import { requireActionAuth } from '@/lib/server/access/auth-context';

export interface TCreatedTokenData {
  name: string;
  token: string;
  scopes: string[];
  expiresAt: string | null;
}

const DAY_MS = 86_400_000;

export async function createApiTokenAction(
  _prev: TActionState<TCreatedTokenData>,
  formData: FormData,
): Promise<TActionState<TCreatedTokenData>> {
  const parsed = ZCreateApiTokenInput.safeParse({
    name: formData.get('name'),
    scopes: formData.getAll('scopes'),
    expiresInDays: formData.get('expiresInDays') ?? '',
  });
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageTokens');
    const { name, scopes, expiresInDays } = parsed.data;
    const expiresAt = expiresInDays ? new Date(Date.now() + Number(expiresInDays) * DAY_MS) : null;
    const created = await createApiToken(ctx, name, { scopes, expiresAt });
    revalidatePath('/settings/tokens');
    return {
      ok: true,
      data: {
        name: created.name,
        token: created.token,
        scopes: created.scopes,
        expiresAt: created.expiresAt?.toISOString() ?? null,
      },
    };
  } catch (error) {
    return toActionState(error);
  }
}

/** Refused (role, another organisation's token) → the form's error state, never a thrown error (a 500). */
export async function revokeApiTokenAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZRevokeApiTokenInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageTokens');
    await revokeApiToken(ctx, parsed.data.tokenId);
    revalidatePath('/settings/tokens');
    return { ok: true, message: 'Token revoked.' };
  } catch (error) {
    return toActionState(error);
  }
}
