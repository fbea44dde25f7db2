'use server';

import { isAPIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { ZSignInInput } from '@/lib/schemas/sign-in';
import { safeReturnPath } from '@/lib/security/safe-return-path';
import { getAuthServer } from '@/lib/server/access/auth-server';
import { defineAction } from '@/lib/server/http/define-action';

export const signInAction = defineAction({ permission: 'public', input: ZSignInInput }, async ({ input }) => {
  try {
    await getAuthServer().api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: await headers(),
    });
  } catch (error) {
    // Better Auth throws two APIError classes (better-call's and its core's): isAPIError accepts both.
    if (isAPIError(error)) {
      throw new AppError(
        'UNAUTHENTICATED',
        error.statusCode === 429 ? error.message : 'Email or password is incorrect.',
      );
    }
    throw error;
  }
  redirect(safeReturnPath(input.next));
});

export const signOutAction = defineAction({ permission: 'public' }, async () => {
  await getAuthServer().api.signOut({ headers: await headers() });
  redirect('/sign-in');
});
