import type { Metadata } from 'next';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DataTable, type TDataTableColumn } from '@/components/ui/data-table';
import { hasPermission } from '@/lib/auth/roles';
import { formatDay } from '@/lib/format/date-time';
import { assetEmbodiedKgCo2e } from '@/lib/hardware/hardware-embodied';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { findEmbodiedCatalog, findHardwareAssets } from '@/lib/server/usage/hardware-assets';
import { AssetRowActions } from './_components/asset-row-actions';
import { HardwareAssetForm } from './_components/hardware-asset-form';

export const metadata: Metadata = { title: 'Owned hardware' };

const day = (d: Date | null) => (d ? formatDay(d) : '—');
const kg = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const num = (label: string): TDataTableColumn => ({ label, className: 'tabular-nums' });
const COLUMNS: TDataTableColumn[] = [
  { label: 'Asset' },
  { label: 'Hardware' },
  num('Units'),
  { label: 'Purchased' },
  num('Embodied per unit (kg CO2e)'),
  { label: 'Source' },
  num('Total (kg CO2e)'),
  num('Lifetime (years)'),
  { label: 'Location' },
  { label: 'Retired' },
];

export default async function HardwarePage() {
  const ctx = await requirePageAuth('read');
  const canManage = hasPermission(ctx.role, 'manageHardware');
  const [assets, catalog] = await Promise.all([
    findHardwareAssets(ctx),
    canManage ? findEmbodiedCatalog(ctx) : [],
  ]);
  return (
    <>
      <PageHeader
        title="Owned hardware"
        description="Purchased servers and accelerators. Their manufacture is Scope 3 Category 2 (capital goods), booked in full in the quarter of purchase; the report also shows straight-line amortisation over the lifetime as a memo, never added to totals."
      />
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>Add an asset</CardTitle>
            <CardDescription>
              Pick a catalog accelerator to copy its embodied figure and source from the factor library, or
              enter a per-unit figure from a product carbon footprint (PCF) with its source.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <HardwareAssetForm
              catalog={catalog.map(({ id, name, embodiedKgCo2e }) => ({ id, name, embodiedKgCo2e }))}
            />
          </CardContent>
        </Card>
      ) : null}
      {assets.length === 0 ? (
        <EmptyState title="No owned hardware registered">
          Without a register, the report shows Scope 3 Category 2 as 0.
        </EmptyState>
      ) : (
        <Card>
          <CardContent className="overflow-x-auto p-0">
            <DataTable
              caption="Owned hardware register"
              density="compact"
              columns={[...COLUMNS, ...(canManage ? [{ label: 'Actions' }] : [])]}
              rows={assets.map((a) => ({
                key: a.id,
                className: 'align-top',
                cells: [
                  a.name,
                  a.hardwareType,
                  a.unitCount,
                  day(a.purchasedOn),
                  kg.format(a.embodiedKgCo2ePerUnit),
                  <span key="source" className="block max-w-xs text-xs text-slate-600">
                    {a.embodiedSource}
                  </span>,
                  kg.format(assetEmbodiedKgCo2e(a)),
                  a.expectedLifetimeYears,
                  a.location ?? '—',
                  day(a.retiredOn),
                  ...(canManage
                    ? [
                        <AssetRowActions
                          key="actions"
                          id={a.id}
                          name={a.name}
                          retired={a.retiredOn !== null}
                        />,
                      ]
                    : []),
                ],
              }))}
            />
          </CardContent>
        </Card>
      )}
    </>
  );
}
