import { formatDay } from '@/lib/format/date-time';
import {
  type findAccelerators,
  findGridDatasets,
  findLocations,
  findProviderDefaults,
  findWaterFactors,
  findZoneFactors,
} from '@/lib/server/factors/factor-catalog';
import { DataTable } from './data-table';

const count = new Intl.NumberFormat('en-GB');
const orDash = (v: number | null | undefined, unit = '') =>
  v === null || v === undefined ? '—' : `${v}${unit}`;
const origin = (isOverride: boolean) => (isOverride ? ' (override)' : '');

/** Everything loaded, table by table; `query` filters by zone or region and lists that zone's factors. */
export async function BundledFactorTables({
  orgId,
  query,
  accelerators,
}: {
  orgId: string;
  query: string | null;
  accelerators: Awaited<ReturnType<typeof findAccelerators>>;
}) {
  const ctx = { orgId };
  const [datasets, zoneFactors, locations, water, providers] = await Promise.all([
    findGridDatasets(),
    query ? findZoneFactors(ctx, query) : Promise.resolve([]),
    findLocations(ctx, query),
    findWaterFactors(ctx, query),
    findProviderDefaults(),
  ]);
  return (
    <>
      {query ? (
        <DataTable
          title={`Grid factors for zone “${query}”`}
          description="Yearly and monthly factors (hourly 2023 profiles are listed per dataset below), newest first."
          columns={['Period', 'Granularity', 'Basis', 'g CO2e/kWh', 'Source']}
          rows={zoneFactors.map((f) => ({
            key: f.id,
            cells: [
              `${formatDay(f.periodStart)} → ${formatDay(f.periodEnd)}`,
              f.granularity,
              f.basis,
              f.gCo2ePerKwh.toFixed(1),
              `${f.source}${origin(f.isOverride)}`,
            ],
          }))}
          empty="No grid factor for this zone: records there fall back to the country, then the world average (flagged)."
        />
      ) : null}
      <DataTable
        title="Grid carbon-intensity datasets"
        description="Bundled factors by dataset, basis and granularity. Periods are half-open [start, end)."
        columns={[
          'Dataset',
          'Kind',
          'Source',
          'Licence',
          'Basis',
          'Granularity',
          'Zones',
          'Period',
          'Factors',
        ]}
        rows={datasets.map((d) => ({
          key: `${d.datasetVersion}|${d.kind}|${d.basis}|${d.granularity}`,
          cells: [
            d.datasetVersion,
            d.kind === 'grid_location' ? 'grid average' : 'residual mix',
            d.source,
            d.licence,
            d.basis,
            d.granularity,
            count.format(d.zones),
            `${formatDay(d.periodStart)} → ${formatDay(d.periodEnd)}`,
            count.format(d.factors),
          ],
        }))}
      />
      <DataTable
        title="Locations"
        description="Provider region or site → grid zone, with the provider-published PUE and WUE where one exists."
        columns={['Provider / region', 'Zone', 'Country', 'PUE', 'WUE (L/kWh)', 'Source']}
        rows={locations.map((l) => ({
          key: l.id,
          cells: [
            `${l.provider}/${l.regionCode}`,
            l.gridZone,
            l.countryCode ?? '—',
            orDash(l.pue),
            orDash(l.wueLPerKwh),
            `${l.source}${origin(l.isOverride)}`,
          ],
        }))}
        empty="No location matches."
      />
      <DataTable
        title="Accelerators"
        columns={['Name', 'TDP (W)', 'Idle (W)', 'Memory (GB)', 'Embodied kg CO2e (low–high)', 'Source']}
        rows={accelerators.map((a) => ({
          key: a.id,
          cells: [
            a.name,
            a.tdpW,
            orDash(a.idleW),
            orDash(a.memoryGb),
            a.embodiedKgCo2e === null
              ? '—'
              : `${a.embodiedKgCo2e} (${orDash(a.embodiedLowKgCo2e)}–${orDash(a.embodiedHighKgCo2e)})`,
            `${a.source}${origin(a.isOverride)}`,
          ],
        }))}
      />
      <DataTable
        title="Electricity water intensity (EWIF)"
        description="Water consumed to generate 1 kWh, L/kWh, by zone or country (off-site water)."
        columns={['Zone', 'L/kWh', 'Source', 'Dataset']}
        rows={water.map((w) => ({ key: w.id, cells: [w.zone, w.lPerKwh, w.source, w.datasetVersion] }))}
        empty="No EWIF for this zone: the documented default applies (flagged)."
      />
      <DataTable
        title="Provider defaults"
        description="Fleet-wide PUE and WUE a provider publishes, used when a region has no value of its own."
        columns={['Provider', 'PUE', 'PUE source', 'WUE (L/kWh)', 'WUE source']}
        rows={providers.map((p) => ({
          key: p.provider,
          cells: [p.provider, orDash(p.pue), p.pueSource, orDash(p.wueLPerKwh), p.wueSource],
        }))}
      />
    </>
  );
}
