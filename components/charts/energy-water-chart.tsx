'use client';

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { bucketLabel } from '@/lib/dashboard/buckets';
import type { TTrendPoint } from '@/lib/dashboard/build-bucket-trend';
import type { TBucket } from '@/lib/dashboard/date-range';
import { BUCKET_COVERAGE_NOTE, withCoverageNote } from '@/lib/dashboard/period-coverage';
import { CHART_MARGIN, categoryXAxis, GRID_PROPS, quantityYAxis, unitTooltipFormatter } from './chart-axes';
import { ChartFrame } from './chart-frame';
import { isolatedPointDot } from './isolated-point-dot';

const METRICS = {
  facilityEnergyMwh: { title: 'Facility energy, MWh', unit: 'MWh', color: '#0ea5e9', file: 'energy' },
  waterM3: { title: 'Water (on-site + off-site), m³', unit: 'm³', color: '#6366f1', file: 'water' },
} as const;

/** One quantity per bucket as an area chart (energy or water), with a table and CSV download. */
export function QuantityTrendChart({
  series,
  bucket,
  metric,
}: {
  series: TTrendPoint[];
  bucket: TBucket;
  metric: keyof typeof METRICS;
}) {
  const m = METRICS[metric];
  // Outside the data the line stops (a gap), instead of diving to 0 as if usage had stopped.
  const data = series.map((p) => ({
    label: withCoverageNote(bucketLabel(p.bucket, bucket), p.coverage),
    value: p.coverage === 'no-data' ? null : p[metric],
  }));
  return (
    <ChartFrame
      title={m.title}
      fileName={`${m.file}-trend.csv`}
      table={{
        header: ['Bucket start', m.title, 'Coverage'],
        rows: series.map((p) => [
          p.bucket,
          p.coverage === 'no-data' ? '' : p[metric],
          BUCKET_COVERAGE_NOTE[p.coverage] || 'complete',
        ]),
      }}
    >
      <div className="h-56" data-testid={`${m.file}-trend-chart`}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={CHART_MARGIN}>
            <CartesianGrid {...GRID_PROPS} />
            <XAxis {...categoryXAxis('label', { fontSize: 12 })} />
            <YAxis {...quantityYAxis({ fontSize: 12 })} />
            <Tooltip formatter={unitTooltipFormatter(m.unit)} />
            <Area
              dataKey="value"
              name={m.title}
              stroke={m.color}
              fill={m.color}
              fillOpacity={0.25}
              dot={isolatedPointDot(data.map((p) => p.value))}
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
