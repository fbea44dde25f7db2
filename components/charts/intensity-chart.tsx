'use client';

import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { bucketLabel } from '@/lib/dashboard/buckets';
import type { TIntensitySeries } from '@/lib/dashboard/build-bucket-trend';
import type { TBucket } from '@/lib/dashboard/date-range';
import {
  CHART_MARGIN,
  categoryXAxis,
  GRID_PROPS,
  legendProps,
  quantityYAxis,
  unitTooltipFormatter,
} from './chart-axes';
import { ChartFrame } from './chart-frame';
import { isolatedPointDot } from './isolated-point-dot';
import { SegmentedToggle } from './method-toggle';

const PALETTE = ['#6366f1', '#0f766e', '#f59e0b', '#e11d48', '#0ea5e9', '#84cc16', '#a855f7', '#64748b'];
type Unit = 'perThousandRequests' | 'perMillionTokens';
const UNIT_LABEL: Record<Unit, string> = {
  perThousandRequests: 'gCO₂e per 1k requests',
  perMillionTokens: 'gCO₂e per 1M tokens',
};

/** Inference intensity per model (location-based), per 1k requests or per 1M tokens. */
export function IntensityChart({ series, bucket }: { series: TIntensitySeries; bucket: TBucket }) {
  const [unit, setUnit] = useState<Unit>('perThousandRequests');
  const models = series.models.filter((m) => series.points.some((p) => p[unit][m] !== null));
  const data = series.points.map((p) => ({ label: bucketLabel(p.bucket, bucket), ...p[unit] }));
  return (
    <ChartFrame
      title={`Inference intensity per model, ${UNIT_LABEL[unit]} (location-based)`}
      fileName={`inference-intensity-${unit === 'perThousandRequests' ? 'per-1k-requests' : 'per-1m-tokens'}.csv`}
      table={{
        header: ['Bucket start', ...models],
        rows: series.points.map((p) => [p.bucket, ...models.map((m) => p[unit][m] ?? null)]),
      }}
      controls={
        <SegmentedToggle
          legend="Intensity unit"
          options={(['perThousandRequests', 'perMillionTokens'] as const).map((u) => ({
            value: u,
            label: u === 'perThousandRequests' ? 'per 1k requests' : 'per 1M tokens',
          }))}
          value={unit}
          onChange={setUnit}
        />
      }
    >
      <div className="h-64" data-testid="intensity-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={CHART_MARGIN}>
            <CartesianGrid {...GRID_PROPS} />
            <XAxis {...categoryXAxis('label', { fontSize: 12 })} />
            <YAxis {...quantityYAxis({ fontSize: 12 })} />
            <Tooltip formatter={unitTooltipFormatter('g')} />
            <Legend {...legendProps()} />
            {models.map((m, i) => (
              <Line
                key={m}
                dataKey={m}
                name={m}
                stroke={PALETTE[i % PALETTE.length]}
                dot={isolatedPointDot(
                  data.map((p) => (p as Record<string, unknown>)[m]),
                  { connectNulls: true },
                )}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
