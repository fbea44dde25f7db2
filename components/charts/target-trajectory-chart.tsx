'use client';

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  CHART_MARGIN,
  categoryXAxis,
  GRID_PROPS,
  legendProps,
  quantityYAxis,
  unitTooltipFormatter,
} from './chart-axes';
import { isolatedPointDot } from './isolated-point-dot';

export interface TTrajectoryPoint {
  periodKey: string;
  trajectoryValue: number;
  actualValue: number | null;
  projectedValue: number | null;
}

/**
 * Actual (bars) against the linear trajectory (line) per period, in the target's unit. The data table is the
 * progress table next to it, so this chart is decorative for assistive technology.
 */
export function TargetTrajectoryChart({ points, unit }: { points: TTrajectoryPoint[]; unit: string }) {
  return (
    <div className="h-52" data-testid="target-trajectory-chart" aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={CHART_MARGIN} accessibilityLayer={false}>
          <CartesianGrid {...GRID_PROPS} />
          <XAxis {...categoryXAxis('periodKey')} />
          <YAxis {...quantityYAxis()} />
          <Tooltip formatter={unitTooltipFormatter(unit)} />
          <Legend {...legendProps()} />
          <Bar name="Actual" dataKey="actualValue" fill="#0f766e" isAnimationActive={false} />
          <Bar name="Projected" dataKey="projectedValue" fill="#0f766e55" isAnimationActive={false} />
          <Line
            name="Trajectory"
            dataKey="trajectoryValue"
            stroke="#e11d48"
            strokeWidth={2}
            dot={isolatedPointDot(points.map((p) => p.trajectoryValue))}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
