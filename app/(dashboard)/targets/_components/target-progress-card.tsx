import { TargetTrajectoryChart } from '@/components/charts/target-trajectory-chart';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { StateActionForm } from '@/components/ui/state-action-form';
import { formatNumber } from '@/lib/format/quantities';
import type { TTargetProgress } from '@/lib/server/targets/target-progress';
import { cn } from '@/lib/utils/cn';
import { deleteTargetAction, restateTargetBaseAction } from '../actions';
import { EditDeleteButtons } from './edit-delete-buttons';

const STATUS_CLASS = {
  'on-track': 'bg-emerald-50 text-emerald-800',
  'off-track': 'bg-red-50 text-red-800',
  'no-data': 'bg-slate-100 text-slate-600',
  'base-year': 'bg-sky-50 text-sky-800',
} as const;

const STATUS_LABEL = {
  'on-track': 'on track',
  'off-track': 'off track',
  'no-data': 'no data',
  'base-year': 'base year',
} as const;

const fmt = (v: number | null) => (v === null ? '–' : formatNumber(v));

/** One target: its definition and a table of periods (trajectory vs actual, on/off track). */
export function TargetProgressCard({
  progress,
  canManage,
}: {
  progress: TTargetProgress;
  canManage: boolean;
}) {
  const { target: t, rows, restatement } = progress;
  const unit = t.metric === 'absolute' ? `tCO2e per ${t.periodKind}` : 'gCO2e per 1,000 requests';
  return (
    <Card aria-labelledby={`target-${t.id}`}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div>
          <CardTitle id={`target-${t.id}`}>{t.name}</CardTitle>
          <CardDescription>
            {t.teamName ? `Team ${t.teamName}` : 'Organisation'} · {t.basis}-based · {unit} · base{' '}
            {t.baseYear}: {formatNumber(t.baseValue)} ({t.baseValueSource}
            {t.baseRecordCount !== null ? ` from ${t.baseRecordCount} records` : ''}) → target {t.targetYear}:{' '}
            {formatNumber(t.targetValue)}
          </CardDescription>
        </div>
        {canManage ? (
          <EditDeleteButtons
            editHref={`/targets?editTarget=${t.id}`}
            id={t.id}
            deleteAction={deleteTargetAction}
            deleteLabel={`Delete target ${t.name}`}
          />
        ) : null}
      </CardHeader>
      <CardContent>
        {restatement ? (
          <div className="mb-4" data-testid="restate-base">
            <Alert tone="info">
              The {t.baseYear} records have changed since this base was computed: they now give{' '}
              {formatNumber(restatement.currentValue)} instead of {formatNumber(restatement.storedValue)} (
              {restatement.changePct > 0 ? '+' : ''}
              {restatement.changePct.toFixed(1)} %). Restate the base so the target is measured against the
              records as they are.
              {canManage ? (
                <span className="mt-2 block">
                  <StateActionForm
                    action={restateTargetBaseAction}
                    fields={{ id: t.id }}
                    label="Restate the base"
                    ariaLabel={`Restate the base of ${t.name}`}
                  />
                </span>
              ) : (
                ' An owner or admin can restate it.'
              )}
            </Alert>
          </div>
        ) : null}
        {rows.length === 0 ? (
          <p className="text-sm text-slate-500">No period of this target has started yet.</p>
        ) : (
          <ScrollRegion label="Progress per period" className="flex flex-col gap-4">
            <TargetTrajectoryChart
              points={rows.map((r) => ({
                periodKey: r.periodKey,
                trajectoryValue: r.trajectoryValue,
                actualValue: r.actualValue,
                projectedValue: r.complete ? null : r.projectedValue,
              }))}
              unit={rows[0]?.unit ?? ''}
            />
            <table className="w-full text-sm">
              <caption className="sr-only">Progress of {t.name} per period</caption>
              <thead>
                <tr className="border-b text-left text-slate-500">
                  <th scope="col" className="py-2 pr-4">
                    Period
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    Trajectory
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    Actual
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    Projected
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    Gap
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    Records
                  </th>
                  <th scope="col" className="py-2">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.periodKey} className="border-b border-slate-100 dark:border-slate-800">
                    <th scope="row" className="py-1.5 pr-4 text-left font-medium">
                      {r.periodKey}
                      {r.complete ? '' : ' (in progress)'}
                    </th>
                    <td className="py-1.5 pr-4 text-right tabular-nums">{fmt(r.trajectoryValue)}</td>
                    <td className="py-1.5 pr-4 text-right tabular-nums">{fmt(r.actualValue)}</td>
                    <td className="py-1.5 pr-4 text-right tabular-nums">{fmt(r.projectedValue)}</td>
                    <td className="py-1.5 pr-4 text-right tabular-nums">
                      {r.gapPct === null ? '–' : `${r.gapPct > 0 ? '+' : ''}${r.gapPct.toFixed(1)} %`}
                    </td>
                    <td className="py-1.5 pr-4 text-right tabular-nums">{r.records}</td>
                    <td className="py-1.5">
                      <span className={cn('rounded px-2 py-0.5 text-xs font-medium', STATUS_CLASS[r.status])}>
                        {STATUS_LABEL[r.status]}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </CardContent>
    </Card>
  );
}
