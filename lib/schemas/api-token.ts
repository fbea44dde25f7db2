import { z } from 'zod';

export const ZCreateApiTokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'Give the token a name, e.g. the job or machine that will use it.' })
    .max(80, { message: 'Keep the name under 80 characters.' }),
});

export const ZRevokeApiTokenInput = z.object({ tokenId: z.string().uuid() });
