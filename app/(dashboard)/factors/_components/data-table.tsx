import type { ReactNode } from 'react';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DataTable as DataTableBase } from '@/components/ui/data-table';
import { ScrollRegion } from '@/components/ui/scroll-region';

/** A titled card around the shared DataTable for factor listings; the first cell of each row is its row header. */
export function DataTable({
  title,
  description,
  columns,
  rows,
  empty = 'Nothing loaded.',
}: {
  title: string;
  description?: ReactNode;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
  empty?: string;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <ScrollRegion label={title} className="max-h-[28rem] overflow-auto">
        <DataTableBase
          caption={title}
          columns={columns}
          rows={rows}
          empty={<p className="px-5 pb-5 text-sm text-slate-500">{empty}</p>}
          stickyHeader
        />
      </ScrollRegion>
    </Card>
  );
}
