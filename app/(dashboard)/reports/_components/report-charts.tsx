'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TReportChartPoint } from '@/lib/reports/report-model';

function LbMbChart({ title, data, testId }: { title: string; data: TReportChartPoint[]; testId: string }) {
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm text-slate-500">{title}, tCO₂e</figcaption>
      <div className="h-64" data-testid={testId}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} />
            <YAxis tickLine={false} axisLine={false} fontSize={12} width={56} />
            <Tooltip formatter={(value) => `${Number(value)} tCO₂e`} cursor={{ fill: '#f1f5f9' }} />
            <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="locationTCo2e" name="Location-based" fill="#1f6f5c" />
            <Bar dataKey="marketTCo2e" name="Market-based" fill="#c2862b" />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Monthly trend and phase breakdown, LB vs MB side by side (the tables below are the accessible alternative). */
export function ReportCharts({
  monthly,
  byPhase,
}: {
  monthly: TReportChartPoint[];
  byPhase: TReportChartPoint[];
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <LbMbChart
        title="Monthly trend, location- vs market-based"
        data={monthly}
        testId="report-monthly-chart"
      />
      <LbMbChart title="Breakdown by phase" data={byPhase} testId="report-phase-chart" />
    </div>
  );
}
