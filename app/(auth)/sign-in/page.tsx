import type { Metadata } from 'next';
import { DEFAULT_RETURN_PATH, safeReturnPath } from '@/lib/security/safe-return-path';
import { SignInForm } from './_components/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeReturnPath((await searchParams).next);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-50 via-white to-slate-100 px-4 dark:from-slate-950 dark:via-slate-900 dark:to-slate-950">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-2 text-center">
          <span
            aria-hidden
            className="flex size-11 items-center justify-center rounded-xl bg-brand-600 text-xl text-white"
          >
            ◐
          </span>
          <h1 className="text-2xl font-semibold tracking-tight">AI Footprint</h1>
          <p className="text-sm text-slate-500">Energy, carbon and water of your AI workloads.</p>
        </div>
        <SignInForm next={next === DEFAULT_RETURN_PATH ? undefined : next} />
      </div>
    </main>
  );
}
