'use server';

import { revalidatePath } from 'next/cache';
import { ZCreateApiTokenInput, ZRevokeApiTokenInput } from '@/lib/schemas/api-token';
import { createApiToken, revokeApiToken } from '@/lib/server/access/api-tokens';
import { defineAction } from '@/lib/server/http/define-action';

export interface TCreatedTokenData {
  name: string;
  token: string;
  scopes: string[];
  expiresAt: string | null;
}

const DAY_MS = 86_400_000;

export const createApiTokenAction = defineAction(
  {
    permission: 'manageTokens',
    input: ZCreateApiTokenInput,
    // Scopes are checkboxes: one field name, several values.
    fromForm: (formData) => ({
      name: formData.get('name'),
      scopes: formData.getAll('scopes'),
      expiresInDays: formData.get('expiresInDays') ?? '',
    }),
  },
  async ({ ctx, input }): Promise<{ data: TCreatedTokenData }> => {
    const { name, scopes, expiresInDays } = input;
    const expiresAt = expiresInDays ? new Date(Date.now() + Number(expiresInDays) * DAY_MS) : null;
    const created = await createApiToken(ctx, name, { scopes, expiresAt });
    revalidatePath('/settings/tokens');
    return {
      data: {
        name: created.name,
        token: created.token,
        scopes: created.scopes,
        expiresAt: created.expiresAt?.toISOString() ?? null,
      },
    };
  },
);

/** Refused (role, another organisation's token) → the form's error state, never a thrown error (a 500). */
export const revokeApiTokenAction = defineAction(
  { permission: 'manageTokens', input: ZRevokeApiTokenInput },
  async ({ ctx, input }) => {
    await revokeApiToken(ctx, input.tokenId);
    revalidatePath('/settings/tokens');
    return { message: 'Token revoked.' };
  },
);
