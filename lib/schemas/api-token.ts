import { z } from 'zod';
import { TOKEN_SCOPES } from '@/lib/auth/token-scopes';

/** Expiry choices of the token form, in days; '' = never expires. */
export const TOKEN_EXPIRY_DAYS = ['7', '30', '90', '365', ''] as const;

export const ZTokenScopes = z
  .array(z.enum(TOKEN_SCOPES, { message: `Scopes are ${TOKEN_SCOPES.join(', ')}.` }))
  .min(1, { message: 'Choose at least one scope.' })
  .transform((scopes) => [...new Set(scopes)]);

export const ZCreateApiTokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'Give the token a name, e.g. the job or machine that will use it.' })
    .max(80, { message: 'Keep the name under 80 characters.' }),
  scopes: ZTokenScopes,
  expiresInDays: z.enum(TOKEN_EXPIRY_DAYS, { message: 'Choose an expiry.' }),
});
export type TCreateApiTokenInput = z.infer<typeof ZCreateApiTokenInput>;

export const ZRevokeApiTokenInput = z.object({ tokenId: z.string().uuid() });

/**
 * `--expires-in` of the CLI: a whole number of hours or days (`12h`, `30d`), at most 5 years; returns milliseconds.
 */
export const ZExpiresIn = z
  .string()
  .regex(/^\d{1,5}[hd]$/, { message: 'Use a number of hours or days, e.g. 12h or 30d.' })
  .transform((text) => Number(text.slice(0, -1)) * (text.endsWith('h') ? 3_600_000 : 86_400_000))
  .refine((ms) => ms > 0 && ms <= 5 * 366 * 86_400_000, { message: 'Between 1 hour and 5 years.' });
