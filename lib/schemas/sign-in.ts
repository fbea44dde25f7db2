import { z } from 'zod';

export const ZSignInInput = z.object({
  email: z.string().trim().toLowerCase().email({ message: 'Enter the email address you were invited with.' }),
  password: z.string().min(1, { message: 'Enter your password.' }),
});

export type TSignInInput = z.infer<typeof ZSignInInput>;
