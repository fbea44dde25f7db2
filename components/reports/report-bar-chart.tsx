'use client';

import { useEffect, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CHART_MARGIN, GRID_PROPS, quantityYAxis } from '@/components/charts/chart-axes';
import { formatNumber } from '@/lib/format/quantities';

export interface TBarSeries {
  key: string;
  name: string;
  color: string;
}

export type TBarRow = { label: string } & Record<string, number | string>;

/**
 * The report's bar chart (preview page and PDF): category axis, quantity axis with its unit, a legend, and each
 * bar's value printed on it, so a printed page needs no tooltip. No animation: the PDF is printed as soon as the
 * chart has drawn (`data-chart-drawn`, awaited by the print page's ready flag). `fixedWidth` (print) draws at a
 * known size instead of measuring the container.
 */
export function ReportBarChart({
  title,
  unit,
  rows,
  series,
  testId,
  fixedWidth,
  height = 240,
}: {
  title: string;
  unit: string;
  rows: TBarRow[];
  series: TBarSeries[];
  testId: string;
  fixedWidth?: number;
  height?: number;
}) {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => setDrawn(true), []);
  const chart = (
    <BarChart
      data={rows}
      margin={{ ...CHART_MARGIN, top: 18, left: 8 }}
      {...(fixedWidth ? { width: fixedWidth, height } : {})}
    >
      <CartesianGrid {...GRID_PROPS} />
      <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={11} interval={0} />
      <YAxis
        {...quantityYAxis()}
        width={64}
        label={{ value: unit, angle: -90, position: 'insideLeft', fontSize: 11, offset: 0 }}
      />
      <Tooltip
        formatter={(value) => `${formatNumber(Number(value))} ${unit}`}
        cursor={{ fill: '#94a3b822' }}
      />
      <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false}>
          <LabelList
            dataKey={s.key}
            position="top"
            fontSize={9}
            fill="currentColor"
            formatter={(value) => formatNumber(Number(value))}
          />
        </Bar>
      ))}
    </BarChart>
  );
  return (
    <figure className="report-chart flex min-w-0 flex-col gap-2" data-report-chart={testId}>
      <figcaption className="text-sm font-medium text-slate-700 dark:text-slate-300">{`${title}, ${unit}`}</figcaption>
      <div
        className="text-slate-700 dark:text-slate-300"
        style={fixedWidth ? { width: fixedWidth, height } : { height }}
        data-testid={testId}
        data-chart-drawn={drawn ? 'true' : undefined}
      >
        {fixedWidth ? (
          chart
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            {chart}
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
