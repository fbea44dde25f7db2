import { cookies } from 'next/headers';
import { type ReactNode, Suspense } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { hasPermission } from '@/lib/auth/roles';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { parseTheme, THEME_COOKIE } from '@/lib/theme';
import { BudgetAlertBanner } from './_components/budget-alert-banner';

// Every dashboard page depends on the signed-in user and live data.
export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageAuth('read');
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <AppShell
      orgName={ctx.orgName}
      userName={ctx.userName}
      userEmail={ctx.userEmail}
      role={ctx.role}
      theme={theme}
      canReadAudit={hasPermission(ctx.role, 'readAudit')}
      orgSlug={ctx.orgSlug}
      organizations={ctx.memberships.map((m) => ({ orgSlug: m.orgSlug, orgName: m.orgName, role: m.role }))}
    >
      <Suspense fallback={null}>
        <BudgetAlertBanner ctx={ctx} />
      </Suspense>
      {children}
    </AppShell>
  );
}
