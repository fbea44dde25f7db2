'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TLifecyclePoint } from '@/lib/dashboard/model-lifecycle';
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
import { PHASE_COLORS } from './phase-palette';

/** Cumulative tCO2e of training, fine-tuning and inference for one model, with the overtake day marked. */
export function LifecycleChart({
  model,
  series,
  overtookOn,
}: {
  model: string;
  series: TLifecyclePoint[];
  overtookOn: string | null;
}) {
  const data = series.map((p) => ({ ...p, trainingAndFineTuningT: p.trainingT + p.fineTuningT }));
  return (
    <ChartFrame
      title={`${model}: cumulative tCO₂e (location-based)`}
      fileName={`lifecycle-${model}.csv`}
      table={{
        header: [
          'Day',
          'Training (tCO2e, cumulative)',
          'Fine-tuning (tCO2e, cumulative)',
          'Inference (tCO2e, cumulative)',
        ],
        rows: series.map((p) => [p.day, p.trainingT, p.fineTuningT, p.inferenceT]),
      }}
    >
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={CHART_MARGIN}>
            <CartesianGrid {...GRID_PROPS} />
            <XAxis {...categoryXAxis('day', { minTickGap: 40 })} />
            <YAxis {...quantityYAxis()} />
            <Tooltip formatter={unitTooltipFormatter('tCO₂e')} />
            <Legend {...legendProps()} />
            <Line
              dataKey="trainingT"
              name="Training"
              stroke={PHASE_COLORS.training}
              dot={isolatedPointDot(data.map((p) => p.trainingT))}
              isAnimationActive={false}
              type="stepAfter"
            />
            <Line
              dataKey="trainingAndFineTuningT"
              name="Training + fine-tuning"
              stroke={PHASE_COLORS.fine_tuning}
              strokeDasharray="4 3"
              dot={isolatedPointDot(data.map((p) => p.trainingAndFineTuningT))}
              isAnimationActive={false}
              type="stepAfter"
            />
            <Line
              dataKey="inferenceT"
              name="Inference"
              stroke={PHASE_COLORS.inference}
              dot={isolatedPointDot(data.map((p) => p.inferenceT))}
              isAnimationActive={false}
            />
            {overtookOn ? (
              <ReferenceLine
                x={overtookOn}
                stroke="#e11d48"
                strokeDasharray="3 3"
                label={{ value: 'overtake', fontSize: 11 }}
              />
            ) : null}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
