import type { Metadata } from 'next';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageAuth } from '@/lib/auth/context';
import { hasPermission } from '@/lib/auth/roles';
import { findEmbodiedCatalog, findHardwareAssets } from '@/lib/data/hardware-assets';
import { assetEmbodiedKgCo2e } from '@/lib/hardware/hardware-embodied';
import { AssetRowActions } from './_components/asset-row-actions';
import { HardwareAssetForm } from './_components/hardware-asset-form';

export const metadata: Metadata = { title: 'Owned hardware' };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '—');
const kg = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const HEADERS = [
  'Asset',
  'Hardware',
  'Units',
  'Purchased',
  'Embodied per unit (kg CO2e)',
  'Source',
  'Total (kg CO2e)',
  'Lifetime (years)',
  'Location',
  'Retired',
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
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Owned hardware register</caption>
              <thead>
                <tr className="border-b border-slate-200 text-xs text-slate-500">
                  {[...HEADERS, ...(canManage ? ['Actions'] : [])].map((h) => (
                    <th key={h} scope="col" className="px-3 py-2">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {assets.map((a) => (
                  <tr key={a.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {a.name}
                    </th>
                    <td className="px-3 py-2">{a.hardwareType}</td>
                    <td className="px-3 py-2 tabular-nums">{a.unitCount}</td>
                    <td className="px-3 py-2">{day(a.purchasedOn)}</td>
                    <td className="px-3 py-2 tabular-nums">{kg.format(a.embodiedKgCo2ePerUnit)}</td>
                    <td className="max-w-xs px-3 py-2 text-xs text-slate-600">{a.embodiedSource}</td>
                    <td className="px-3 py-2 tabular-nums">{kg.format(assetEmbodiedKgCo2e(a))}</td>
                    <td className="px-3 py-2 tabular-nums">{a.expectedLifetimeYears}</td>
                    <td className="px-3 py-2">{a.location ?? '—'}</td>
                    <td className="px-3 py-2">{day(a.retiredOn)}</td>
                    {canManage ? (
                      <td className="px-3 py-2">
                        <AssetRowActions id={a.id} name={a.name} retired={a.retiredOn !== null} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
      )}
    </>
  );
}
