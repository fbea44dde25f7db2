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
import { formatNumber } from '@/lib/format/quantities';
import { ChartFrame } from './chart-frame';
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
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#94a3b833" />
            <XAxis dataKey="day" tickLine={false} axisLine={false} fontSize={11} minTickGap={40} />
            <YAxis
              tickLine={false}
              axisLine={false}
              fontSize={11}
              width={56}
              tickFormatter={(v: number) => formatNumber(v)}
            />
            <Tooltip formatter={(value) => `${formatNumber(Number(value))} tCO₂e`} />
            <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
            <Line
              dataKey="trainingT"
              name="Training"
              stroke={PHASE_COLORS.training}
              dot={false}
              isAnimationActive={false}
              type="stepAfter"
            />
            <Line
              dataKey="trainingAndFineTuningT"
              name="Training + fine-tuning"
              stroke={PHASE_COLORS.fine_tuning}
              strokeDasharray="4 3"
              dot={false}
              isAnimationActive={false}
              type="stepAfter"
            />
            <Line
              dataKey="inferenceT"
              name="Inference"
              stroke={PHASE_COLORS.inference}
              dot={false}
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
