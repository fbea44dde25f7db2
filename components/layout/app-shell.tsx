import Link from 'next/link';
import type { ReactNode } from 'react';
import { signOutAction } from '@/app/(auth)/sign-in/actions';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { roleLabel } from '@/lib/format/labels';
import type { TThemeChoice } from '@/lib/theme';
import { OrganizationSwitcher, type TOrganizationOption } from './organization-switcher';
import { SideNav } from './side-nav';
import { ThemeToggle } from './theme-toggle';

export interface AppShellProps {
  orgName: string;
  userName: string;
  userEmail: string;
  role: string;
  theme: TThemeChoice;
  /** Shows the Audit log link (readAudit). */
  canReadAudit?: boolean;
  /** The user's memberships: a switcher appears when there are several. */
  orgSlug?: string;
  organizations?: TOrganizationOption[];
  children: ReactNode;
}

export function AppShell({
  orgName,
  userName,
  userEmail,
  role,
  theme,
  canReadAudit = false,
  orgSlug = '',
  organizations = [],
  children,
}: AppShellProps) {
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white md:flex dark:border-slate-800 dark:bg-slate-900">
        <Link href="/" className="flex items-center gap-2 px-5 py-5 text-lg font-semibold tracking-tight">
          <span
            aria-hidden
            className="flex size-8 items-center justify-center rounded-lg bg-brand-600 text-white"
          >
            ◐
          </span>
          AI Footprint
        </Link>
        <SideNav canReadAudit={canReadAudit} />
        <div className="mt-auto border-t border-slate-100 px-5 py-4 text-xs text-slate-500 dark:border-slate-800">
          <p className="font-medium text-slate-700 dark:text-slate-300">{orgName}</p>
          <p>Role: {roleLabel(role)}</p>
          <Link href="/settings/organizations" className="text-brand-700 underline-offset-2 hover:underline">
            Organisations…
          </Link>
          <div className="mt-2">
            <OrganizationSwitcher current={orgSlug} options={organizations} />
          </div>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex min-h-14 flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-2 sm:px-6 dark:border-slate-800 dark:bg-slate-900">
          <details className="md:hidden">
            <summary className="cursor-pointer list-none rounded-md border border-slate-200 px-3 py-1.5 text-sm dark:border-slate-700">
              Menu · {orgName}
            </summary>
            <div className="absolute left-2 right-2 z-30 mt-2 rounded-lg border border-slate-200 bg-white py-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
              <SideNav canReadAudit={canReadAudit} />
            </div>
          </details>
          <div className="ml-auto flex items-center gap-3">
            <ThemeToggle initial={theme} />
            <div className="text-right text-sm leading-tight">
              <p className="font-medium">{userName}</p>
              <p className="text-xs text-slate-500">{userEmail}</p>
            </div>
            <ActionForm action={signOutAction}>
              <Button type="submit" variant="secondary">
                Sign out
              </Button>
            </ActionForm>
          </div>
        </header>
        <main id="main" className="flex-1 px-3 py-6 sm:px-6 sm:py-8">
          <div className="mx-auto flex max-w-7xl flex-col gap-6">{children}</div>
        </main>
      </div>
    </div>
  );
}
