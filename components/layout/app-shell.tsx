import Link from 'next/link';
import type { ReactNode } from 'react';
import { signOutAction } from '@/app/(auth)/sign-in/actions';
import { Button } from '@/components/ui/button';
import { SideNav } from './side-nav';

export interface AppShellProps {
  orgName: string;
  userName: string;
  userEmail: string;
  role: string;
  children: ReactNode;
}

export function AppShell({ orgName, userName, userEmail, role, children }: AppShellProps) {
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white md:flex">
        <Link href="/" className="flex items-center gap-2 px-5 py-5 text-lg font-semibold tracking-tight">
          <span
            aria-hidden
            className="flex size-8 items-center justify-center rounded-lg bg-brand-600 text-white"
          >
            ◐
          </span>
          AI Footprint
        </Link>
        <SideNav />
        <div className="mt-auto border-t border-slate-100 px-5 py-4 text-xs text-slate-500">
          <p className="font-medium text-slate-700">{orgName}</p>
          <p>Role: {role}</p>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between border-b border-slate-200 bg-white px-6">
          <p className="text-sm text-slate-500 md:hidden">{orgName}</p>
          <div className="ml-auto flex items-center gap-4">
            <div className="text-right text-sm leading-tight">
              <p className="font-medium">{userName}</p>
              <p className="text-xs text-slate-500">{userEmail}</p>
            </div>
            <form action={signOutAction}>
              <Button type="submit" variant="secondary">
                Sign out
              </Button>
            </form>
          </div>
        </header>
        <main id="main" className="flex-1 px-6 py-8">
          <div className="mx-auto flex max-w-7xl flex-col gap-6">{children}</div>
        </main>
      </div>
    </div>
  );
}
