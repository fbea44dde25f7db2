'use client';

import {
  Boxes,
  Building2,
  Code2,
  Database,
  FileText,
  KeyRound,
  LayoutDashboard,
  Leaf,
  ScrollText,
  Server,
  Table2,
  Target,
  Upload,
  Users,
  Zap,
} from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils/cn';

const ITEMS = [
  { href: '/', label: 'Overview', icon: LayoutDashboard },
  { href: '/models', label: 'Models', icon: Boxes },
  { href: '/records', label: 'Records', icon: Table2 },
  { href: '/uploads', label: 'Uploads', icon: Upload },
  { href: '/reports', label: 'Reports', icon: FileText },
  { href: '/targets', label: 'Targets', icon: Target },
  { href: '/recommendations', label: 'Recommendations', icon: Leaf },
  { href: '/factors', label: 'Factors', icon: Database },
  { href: '/energy-contracts', label: 'Energy contracts', icon: Zap },
  { href: '/settings/hardware', label: 'Hardware', icon: Server },
  { href: '/settings/organization', label: 'Organisation', icon: Building2 },
  { href: '/settings/members', label: 'Members', icon: Users },
  { href: '/settings/tokens', label: 'API tokens', icon: KeyRound },
  { href: '/api-docs', label: 'API', icon: Code2 },
] as const;

// Only for roles with readAudit (owner, admin, auditor); the page itself re-checks on the server.
const AUDIT_ITEM = { href: '/audit', label: 'Audit log', icon: ScrollText } as const;

export function SideNav({ canReadAudit = false }: { canReadAudit?: boolean }) {
  const pathname = usePathname();
  const items = canReadAudit ? [...ITEMS, AUDIT_ITEM] : ITEMS;
  return (
    <nav aria-label="Main" className="flex flex-col gap-1 px-3">
      {items.map(({ href, label, icon: Icon }) => {
        const active = href === '/' ? pathname === '/' : pathname.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-slate-100',
              active &&
                'bg-brand-50 text-brand-700 hover:bg-brand-50 dark:bg-brand-900 dark:text-brand-100 dark:hover:bg-brand-900',
            )}
          >
            <Icon aria-hidden className="size-4" />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
