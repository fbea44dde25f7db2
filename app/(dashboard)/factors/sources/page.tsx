import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { DATA_ATTRIBUTIONS } from '@/lib/factors/data-attributions';
import { requirePageAuth } from '@/lib/server/access/auth-context';

export const metadata: Metadata = { title: 'Data sources and licences' };

export default async function DataSourcesPage() {
  await requirePageAuth('read');
  return (
    <>
      <PageHeader
        title="Data sources and licences"
        description={
          <>
            Who published the factor data built into AI Footprint, what it is used for and how it is credited.
            Footprints, charts and reports computed from it are produced works: they carry these attributions.{' '}
            <Link href="/factors" className="text-brand-700 underline">
              Back to factors
            </Link>
          </>
        }
      />
      <Card>
        <CardContent className="overflow-x-auto p-0">
          <DataTable
            caption="Bundled factor data: provider, use, licence and attribution"
            columns={['Provider', 'Used for', 'Licence', 'Attribution']}
            rows={DATA_ATTRIBUTIONS.map((a) => ({
              key: a.provider,
              className: 'align-top',
              cells: [
                a.provider,
                a.usedFor,
                a.licenceUrl ? (
                  <a key="licence" href={a.licenceUrl} className="text-brand-700 underline" rel="noreferrer">
                    {a.licence}
                  </a>
                ) : (
                  a.licence
                ),
                a.attribution,
              ],
            }))}
          />
        </CardContent>
      </Card>
      <p className="text-sm text-slate-500">
        Residual-mix factors (for market-based figures) are not openly licensed and are not built in: an owner
        or admin enters them on the Factors page. Your own overrides and energy contracts are your
        organisation’s data.
      </p>
    </>
  );
}
