'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { bucketLabel } from '@/lib/dashboard/buckets';
import type { TTrendPoint } from '@/lib/dashboard/build-bucket-trend';
import type { TBucket } from '@/lib/dashboard/date-range';
import { BUCKET_COVERAGE_NOTE, withCoverageNote } from '@/lib/dashboard/period-coverage';
import { phaseLabel } from '@/lib/format/labels';
import { PHASES } from '@/lib/schemas/usage-record';
import {
  CHART_MARGIN,
  categoryXAxis,
  GRID_PROPS,
  legendProps,
  quantityYAxis,
  unitTooltipFormatter,
} from './chart-axes';
import { ChartFrame } from './chart-frame';
import { SegmentedToggle } from './method-toggle';
import { PHASE_COLORS } from './phase-palette';

type Method = 'location' | 'market';

const METHOD_LABELS: Record<Method, string> = { location: 'Location-based', market: 'Market-based' };
const BUCKET_WORD: Record<TBucket, string> = { day: 'Daily', week: 'Weekly', month: 'Monthly' };

/** `href` with `phase` narrowed to one value (a click on one phase's segment of a bar). */
function withPhase(href: string, phase: string): string {
  const [path, query = ''] = href.split('?');
  const params = new URLSearchParams(query);
  params.set('phase', phase);
  return `${path}?${params}`;
}

/**
 * tCO2e per bucket stacked by phase, with a location/market toggle kept in the URL (`basis`, so every link and
 * reload keeps it), a table and a CSV download. A bar (or a phase segment) opens its records, like a breakdown
 * bar; the same links are listed for the keyboard.
 */
export function EmissionsTrendChart({
  series,
  bucket,
  basis,
  recordsHrefs,
}: {
  series: TTrendPoint[];
  bucket: TBucket;
  basis: Method;
  /** Records explorer link per bucket, in series order. */
  recordsHrefs: string[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  // Shows the new basis at once; the URL (and with it every link on the page) follows.
  const [method, setLocalMethod] = useState<Method>(basis);
  const setMethod = (next: Method) => {
    setLocalMethod(next);
    const params = new URLSearchParams(search.toString());
    if (next === 'market') {
      params.set('basis', 'market');
    } else {
      params.delete('basis');
    }
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  const phases = PHASES.filter((p) => series.some((point) => point.location[p] > 0 || point.market[p] > 0));
  const data = series.map((point) => ({
    label: withCoverageNote(bucketLabel(point.bucket, bucket), point.coverage),
    ...point[method],
  }));
  const title = `${BUCKET_WORD[bucket]} emissions by phase, tCO₂e (${METHOD_LABELS[method].toLowerCase()})`;
  return (
    <ChartFrame
      title={title}
      fileName={`co2e-by-phase-${method}.csv`}
      table={{
        header: ['Bucket start', ...phases.map((p) => `${phaseLabel(p)} (tCO2e)`), 'Coverage'],
        rows: series.map((point) => [
          point.bucket,
          ...phases.map((p) => point[method][p]),
          BUCKET_COVERAGE_NOTE[point.coverage] || 'complete',
        ]),
      }}
      controls={
        <SegmentedToggle
          legend="Scope 2 method"
          options={(['location', 'market'] as const).map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
          value={method}
          onChange={setMethod}
        />
      }
    >
      <div className="h-80" data-testid="emissions-trend-chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={CHART_MARGIN}>
            <CartesianGrid {...GRID_PROPS} />
            <XAxis {...categoryXAxis('label', { fontSize: 12 })} />
            <YAxis {...quantityYAxis({ fontSize: 12 })} />
            <Tooltip formatter={unitTooltipFormatter('tCO₂e')} cursor={{ fill: '#94a3b822' }} />
            <Legend {...legendProps()} />
            {phases.map((phase) => (
              <Bar
                key={phase}
                dataKey={phase}
                name={phaseLabel(phase)}
                stackId="co2e"
                fill={PHASE_COLORS[phase]}
                isAnimationActive={false}
                cursor="pointer"
                onClick={(_data, index) => {
                  const href = recordsHrefs[index];
                  if (href) {
                    router.push(withPhase(href, phase));
                  }
                }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
          Open the records of a bar
        </summary>
        <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1" data-testid="trend-records-links">
          {series.map((point, i) => (
            <li key={point.bucket}>
              <Link
                href={recordsHrefs[i] ?? '/records'}
                className="text-brand-700 underline dark:text-brand-500"
              >
                {withCoverageNote(bucketLabel(point.bucket, bucket), point.coverage)}
              </Link>
            </li>
          ))}
        </ul>
      </details>
    </ChartFrame>
  );
}
