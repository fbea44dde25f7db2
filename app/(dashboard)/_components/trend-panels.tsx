import { EmissionsTrendChart } from '@/components/charts/emissions-trend-chart';
import { QuantityTrendChart } from '@/components/charts/energy-water-chart';
import { IntensityChart } from '@/components/charts/intensity-chart';
import { EmptyState } from '@/components/layout/empty-state';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { bucketRecordsFilters } from '@/lib/dashboard/bucket-drill-down';
import { buildBucketTrend, buildIntensitySeries } from '@/lib/dashboard/build-bucket-trend';
import { chooseBucket } from '@/lib/dashboard/date-range';
import { findInferenceByModel, findTrendByPhase } from '@/lib/server/dashboard/dashboard-trends';
import { recordsHref } from './breakdown-panels';
import { ContractCoverageNote } from './contract-coverage-note';
import { overviewRead, type TDashboardQuery } from './dashboard-query';

/** CO2e by phase, energy and water trends (one query, split by time share into buckets in SQL). */
export async function TrendPanels({ query }: { query: TDashboardQuery }) {
  const { ctx, filters, range } = query;
  const bucket = chooseBucket(range);
  const rows = await overviewRead(query, 'trend', [filters, range, bucket], () =>
    findTrendByPhase(ctx, filters, range, bucket),
  );
  if (rows.length === 0) {
    return (
      <EmptyState title="No emissions in this range">Widen the date range or clear some filters.</EmptyState>
    );
  }
  const series = buildBucketTrend(rows, range, bucket, { now: query.now, dataSpan: query.dataSpan });
  const recordsHrefs = series.map((point, i) =>
    recordsHref(bucketRecordsFilters(filters, range, point.bucket, series[i + 1]?.bucket ?? null)),
  );
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>CO₂e trend</CardTitle>
          <CardDescription>Where the footprint comes from, by workload phase.</CardDescription>
        </CardHeader>
        <CardContent>
          <EmissionsTrendChart
            series={series}
            bucket={bucket}
            basis={filters.basis}
            recordsHrefs={recordsHrefs}
          />
          <ContractCoverageNote query={query} />
        </CardContent>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Energy</CardTitle>
          </CardHeader>
          <CardContent>
            <QuantityTrendChart series={series} bucket={bucket} metric="facilityEnergyMwh" />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Water</CardTitle>
          </CardHeader>
          <CardContent>
            <QuantityTrendChart series={series} bucket={bucket} metric="waterM3" />
          </CardContent>
        </Card>
      </div>
    </>
  );
}

/** Inference intensity per model: gCO2e per 1k requests and per 1M tokens. */
export async function IntensityPanel({ query }: { query: TDashboardQuery }) {
  const { ctx, filters, range } = query;
  const bucket = chooseBucket(range);
  const rows = await overviewRead(query, 'intensity', [filters, range, bucket], () =>
    findInferenceByModel(ctx, filters, range, bucket),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>Inference intensity</CardTitle>
        <CardDescription>Location-based CO₂e per functional unit, per deployed model.</CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-500">
            No inference records with requests or tokens match the filters.
          </p>
        ) : (
          <IntensityChart series={buildIntensitySeries(rows, range, bucket)} bucket={bucket} />
        )}
      </CardContent>
    </Card>
  );
}
