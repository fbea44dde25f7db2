'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TBurnPoint } from '@/lib/targets/burn-down';
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
          <LineChart data={points} margin={CHART_MARGIN}>
            <CartesianGrid {...GRID_PROPS} />
            <XAxis {...categoryXAxis('day', { minTickGap: 24 })} />
            <YAxis {...quantityYAxis()} />
            <Tooltip formatter={unitTooltipFormatter('kg CO₂e')} />
            <Legend {...legendProps('plainline')} />
            <Line
              name="Actual (cumulative)"
              dataKey="cumulativeKgCo2e"
              stroke="#0f766e"
              strokeWidth={2}
              dot={isolatedPointDot(points.map((p) => p.cumulativeKgCo2e))}
              connectNulls={false}
              isAnimationActive={false}
            />
            <Line
              name="Linear allowance"
              dataKey="allowanceKgCo2e"
              stroke="#6366f1"
              strokeDasharray="4 4"
              dot={isolatedPointDot(points.map((p) => p.allowanceKgCo2e))}
              isAnimationActive={false}
            />
            <Line
              name="Budget"
              dataKey="budgetKgCo2e"
              stroke="#e11d48"
              dot={isolatedPointDot(points.map((p) => p.budgetKgCo2e))}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
