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
import { formatNumber } from '@/lib/format/quantities';

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
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#94a3b833" />
          <XAxis dataKey="periodKey" tickLine={false} axisLine={false} fontSize={11} />
          <YAxis
            tickLine={false}
            axisLine={false}
            fontSize={11}
            width={56}
            tickFormatter={(v: number) => formatNumber(v)}
          />
          <Tooltip formatter={(value) => `${formatNumber(Number(value))} ${unit}`} />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
          <Bar name="Actual" dataKey="actualValue" fill="#0f766e" isAnimationActive={false} />
          <Bar name="Projected" dataKey="projectedValue" fill="#0f766e55" isAnimationActive={false} />
          <Line
            name="Trajectory"
            dataKey="trajectoryValue"
            stroke="#e11d48"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
