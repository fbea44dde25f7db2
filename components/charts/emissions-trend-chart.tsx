'use client';

import { useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TPhaseTrendPoint } from '@/lib/dashboard/build-phase-trend';
import { formatNumber } from '@/lib/format/quantities';
import { PHASES } from '@/lib/schemas/usage-record';
import { cn } from '@/lib/utils/cn';
import { PHASE_COLORS, PHASE_LABELS } from './phase-palette';

type Method = 'location' | 'market';

const METHOD_LABELS: Record<Method, string> = { location: 'Location-based', market: 'Market-based' };

function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return new Date(Date.UTC(Number(year), Number(m) - 1, 1)).toLocaleString('en-GB', {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
}

/** Monthly tCO2e stacked by phase, with a location/market toggle and a table fallback. */
export function EmissionsTrendChart({ series }: { series: TPhaseTrendPoint[] }) {
  const [method, setMethod] = useState<Method>('location');
  const titleId = useId();
  const phases = PHASES.filter((p) => series.some((point) => point.location[p] > 0 || point.market[p] > 0));
  const data = series.map((point) => ({ month: monthLabel(point.month), ...point[method] }));
  return (
    <figure aria-labelledby={titleId} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <figcaption id={titleId} className="text-sm text-slate-500">
          Monthly emissions by phase, tCO₂e ({METHOD_LABELS[method].toLowerCase()})
        </figcaption>
        <fieldset className="inline-flex rounded-md border border-slate-200 p-0.5 text-sm">
          <legend className="sr-only">Scope 2 method</legend>
          {(['location', 'market'] as const).map((m) => (
            <label
              key={m}
              className={cn(
                'cursor-pointer rounded px-3 py-1 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600',
                method === m ? 'bg-brand-600 text-white' : 'text-slate-600 hover:bg-slate-100',
              )}
            >
              <input
                type="radio"
                name={`${titleId}-method`}
                value={m}
                checked={method === m}
                onChange={() => setMethod(m)}
                className="sr-only"
              />
              {METHOD_LABELS[m]}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="h-80" data-testid="emissions-trend-chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="month" tickLine={false} axisLine={false} fontSize={12} />
            <YAxis
              tickLine={false}
              axisLine={false}
              fontSize={12}
              width={56}
              tickFormatter={(v: number) => formatNumber(v)}
            />
            <Tooltip
              formatter={(value) => `${formatNumber(Number(value))} tCO₂e`}
              cursor={{ fill: '#f1f5f9' }}
            />
            <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
            {phases.map((phase) => (
              <Bar
                key={phase}
                dataKey={phase}
                name={PHASE_LABELS[phase]}
                stackId="co2e"
                fill={PHASE_COLORS[phase]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600">Show the data as a table</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-xs">
            <thead>
              <tr className="border-b border-slate-200 text-slate-500">
                <th scope="col" className="py-1 pr-4 font-medium">
                  Month
                </th>
                {phases.map((p) => (
                  <th key={p} scope="col" className="py-1 pr-4 text-right font-medium">
                    {PHASE_LABELS[p]} (tCO₂e)
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((point) => (
                <tr key={point.month} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {point.month}
                  </th>
                  {phases.map((p) => (
                    <td key={p} className="py-1 pr-4 text-right tabular-nums">
                      {formatNumber(point[method][p])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
