import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { auditDetails } from '@/lib/audit/audit-details';
import { hasPermission, PERMISSIONS } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format/date-time';
import { humanizeCode, roleLabel } from '@/lib/format/labels';
import { auditFiltersQuery, parseAuditFilters } from '@/lib/schemas/audit-filters';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { findAuditActions, findAuditEventsPage } from '@/lib/server/audit/audit-log';
import { AuditFilterForm } from './_components/audit-filter-form';

export const metadata: Metadata = { title: 'Audit log' };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: TProps) {
  const ctx = await requirePageAuth('read');
  if (!hasPermission(ctx.role, 'readAudit')) {
    // A clear refusal instead of the generic error page; lib/server/audit/audit-log.ts refuses these roles as well.
    return (
      <>
        <PageHeader title="Audit log" />
        <Alert tone="error">
          Your role ({roleLabel(ctx.role)}) does not allow reading the audit log; ask an{' '}
          {PERMISSIONS.readAudit.map(roleLabel).join(', ').toLowerCase()}.
        </Alert>
      </>
    );
  }
  const filters = parseAuditFilters(await searchParams);
  const [{ rows, total, pageSize }, actions] = await Promise.all([
    findAuditEventsPage(ctx, filters),
    findAuditActions(ctx),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageHref = (page: number) => `/audit?${auditFiltersQuery(filters, { page: String(page) })}`;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, when and from where in this organisation: sign-ins, uploads, deletions, factor and setting changes, reports and tokens."
      />
      <Card>
        <CardContent className="flex flex-col gap-4 pt-5">
          <AuditFilterForm filters={filters} actions={actions} />
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {total.toLocaleString('en-GB')} event{total === 1 ? '' : 's'} ·{' '}
            <a
              href={`/audit/export?${auditFiltersQuery(filters)}`}
              className="text-brand-700 underline"
              download
            >
              Export CSV
            </a>
          </p>
        </CardContent>
      </Card>
      {rows.length === 0 ? (
        <EmptyState title="No events match">Change or clear the filters.</EmptyState>
      ) : (
        <Card>
          <ScrollRegion label="Audit events">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit events of {ctx.orgName}, newest first</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  {['Time (UTC)', 'Action', 'Actor', 'Target', 'Details'].map((h) => (
                    <th key={h} scope="col" className="px-5 py-3 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id} className="border-b border-slate-100 align-top dark:border-slate-800">
                    <td className="whitespace-nowrap px-5 py-3">
                      {formatDateTime(e.createdAt, { seconds: true })}
                    </td>
                    <td className="px-5 py-3 text-xs">
                      {humanizeCode(e.action.replaceAll('.', ' '))}
                      <span className="block font-mono text-slate-500">{e.action}</span>
                    </td>
                    <td className="px-5 py-3">
                      {e.actorEmail ?? e.actorUserId ?? 'system'}
                      {e.actorTokenId ? (
                        <span className="block text-xs text-slate-500">via API token</span>
                      ) : null}
                    </td>
                    <td className="px-5 py-3 text-xs">
                      {e.targetType ? (
                        <>
                          {humanizeCode(e.targetType)}
                          <span className="block break-all font-mono text-slate-500">{e.targetId ?? ''}</span>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="min-w-72 max-w-md px-5 py-3 text-xs text-slate-600 dark:text-slate-300">
                      <AuditDetails metadata={e.metadata} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Card>
      )}
      <nav aria-label="Audit log pages" className="flex items-center justify-between text-sm">
        {filters.page > 1 ? <Link href={pageHref(filters.page - 1)}>← Newer</Link> : <span />}
        <span>
          Page {Math.min(filters.page, pages)} of {pages}
        </span>
        {filters.page < pages ? <Link href={pageHref(filters.page + 1)}>Older →</Link> : <span />}
      </nav>
    </>
  );
}

/** The event's metadata as label: value lines (the CSV export keeps the raw JSON). */
function AuditDetails({ metadata }: { metadata: unknown }) {
  const fields = auditDetails(metadata);
  if (fields.length === 0) {
    return null;
  }
  return (
    <dl className="grid grid-cols-[minmax(0,max-content)_minmax(0,1fr)] gap-x-3 gap-y-0.5">
      {fields.map((f) => (
        <div key={f.label} className="contents">
          <dt className="text-slate-500">{f.label}</dt>
          <dd className="break-all">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
