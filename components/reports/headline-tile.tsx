import { displayCell, displayUnits, humaniseText } from '@/lib/reports/present/display-text';
import { higherIsBetter } from '@/lib/reports/present/report-layout';
import type { THeadlineFigure } from '@/lib/reports/report-model';
import { ChangeText } from './change-text';

/** One headline figure with its unit and signed changes vs the previous period and the same period last year. */
export function HeadlineTile({
  figure,
  previousLabel,
  lastYearLabel,
}: {
  figure: THeadlineFigure;
  previousLabel: string;
  lastYearLabel: string;
}) {
  const better = higherIsBetter(figure.id);
  return (
    <div
      className="report-tile flex min-w-0 flex-col gap-1 rounded-xl border border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900"
      data-headline-id={figure.id}
    >
      <p className="text-xs font-medium text-slate-600 dark:text-slate-300">{displayUnits(figure.label)}</p>
      <p className="text-2xl font-semibold tabular-nums text-slate-900 dark:text-slate-50">
        <span data-testid={`headline-${figure.id}`}>{displayCell(figure.value)}</span>{' '}
        <span className="text-base font-medium">{displayUnits(figure.unit)}</span>
      </p>
      <p className="text-xs">
        <ChangeText
          pct={figure.changeVsPreviousPct}
          base={figure.previous}
          unit={figure.unit}
          against={humaniseText(previousLabel)}
          higherIsBetter={better}
        />
      </p>
      <p className="text-xs">
        <ChangeText
          pct={figure.changeVsLastYearPct}
          base={figure.sameLastYear}
          unit={figure.unit}
          against={humaniseText(lastYearLabel)}
          higherIsBetter={better}
        />
      </p>
    </div>
  );
}
