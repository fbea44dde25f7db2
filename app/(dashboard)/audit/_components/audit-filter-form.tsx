import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { TAuditFilters } from '@/lib/schemas/audit-filters';

const fieldClass = 'flex flex-col gap-1 text-sm font-medium';

/** A plain GET form: filters live in the URL, so views can be bookmarked and the export uses the same ones. */
export function AuditFilterForm({ filters, actions }: { filters: TAuditFilters; actions: string[] }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
      <label className={fieldClass} htmlFor="audit-action">
        Action
        <select
          id="audit-action"
          name="action"
          defaultValue={filters.action ?? ''}
          className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:bg-slate-900"
        >
          <option value="">All actions</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className={fieldClass} htmlFor="audit-actor">
        Actor email contains
        <Input id="audit-actor" name="actor" defaultValue={filters.actor ?? ''} className="w-56" />
      </label>
      <label className={fieldClass} htmlFor="audit-from">
        From (UTC)
        <Input id="audit-from" type="date" name="from" defaultValue={filters.from ?? ''} className="w-40" />
      </label>
      <label className={fieldClass} htmlFor="audit-to">
        To (UTC, inclusive)
        <Input id="audit-to" type="date" name="to" defaultValue={filters.to ?? ''} className="w-40" />
      </label>
      <Button type="submit">Apply</Button>
      <Link href="/audit" className="text-sm text-brand-700 underline">
        Clear
      </Link>
    </form>
  );
}
