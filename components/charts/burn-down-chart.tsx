'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '@/lib/format/quantities';
import type { TBurnPoint } from '@/lib/targets/burn-down';
import { ChartFrame } from './chart-frame';

/** A budget's burn-down: cumulative actual vs the budget line vs the linear allowance (kg CO2e per day). */
export function BurnDownChart({
  title,
  fileName,
  points,
}: {
  title: string;
  fileName: string;
  points: TBurnPoint[];
}) {
  return (
    <ChartFrame
      title={title}
      fileName={fileName}
      table={{
        header: ['Day', 'Cumulative actual (kg CO2e)', 'Linear allowance (kg CO2e)', 'Budget (kg CO2e)'],
        rows: points.map((p) => [p.day, p.cumulativeKgCo2e, p.allowanceKgCo2e, p.budgetKgCo2e]),
      }}
    >
      <div className="h-56" data-testid="burn-down-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#94a3b833" />
            <XAxis dataKey="day" tickLine={false} axisLine={false} fontSize={11} minTickGap={24} />
            <YAxis
              tickLine={false}
              axisLine={false}
              fontSize={11}
              width={56}
              tickFormatter={(v: number) => formatNumber(v)}
            />
            <Tooltip formatter={(value) => `${formatNumber(Number(value))} kg CO₂e`} />
            <Legend iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
            <Line
              name="Actual (cumulative)"
              dataKey="cumulativeKgCo2e"
              stroke="#0f766e"
              strokeWidth={2}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
            <Line
              name="Linear allowance"
              dataKey="allowanceKgCo2e"
              stroke="#6366f1"
              strokeDasharray="4 4"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              name="Budget"
              dataKey="budgetKgCo2e"
              stroke="#e11d48"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
