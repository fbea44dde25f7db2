'use server';

import { isAPIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { ZSignInInput } from '@/lib/schemas/sign-in';
import { getAuthServer } from '@/lib/server/access/auth-server';

export async function signInAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZSignInInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    await getAuthServer().api.signInEmail({ body: parsed.data, headers: await headers() });
  } catch (error) {
    // Better Auth throws two APIError classes (better-call's and its core's): isAPIError accepts both.
    if (isAPIError(error) && error.statusCode === 429) {
      return { ok: false, message: error.message };
    }
    if (isAPIError(error)) {
      return { ok: false, message: 'Email or password is incorrect.' };
    }
    return toActionState(error);
  }
  redirect('/');
}

export async function signOutAction(): Promise<void> {
  await getAuthServer().api.signOut({ headers: await headers() });
  redirect('/sign-in');
}
