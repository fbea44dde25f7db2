import { z } from 'zod';

export const ZSignInInput = z.object({
  email: z.string().trim().toLowerCase().email({ message: 'Enter the email address you were invited with.' }),
  password: z.string().min(1, { message: 'Enter your password.' }),
  /** Where to go afterwards; checked by safeReturnPath (same-origin paths only), "/" otherwise. */
  next: z.string().max(2048).optional().catch(undefined),
});

export type TSignInInput = z.infer<typeof ZSignInInput>;
