import { changeDisplay, type TChangeTone } from '@/lib/reports/present/change-display';
import { cn } from '@/lib/utils/cn';

// Red for a change for the worse, green for the better; the sign and the words carry the meaning too (not colour
// alone). Dark-theme shades keep the contrast on slate-900 cards.
const TONE_CLASS: Record<TChangeTone, string> = {
  worse: 'text-red-700 dark:text-red-400',
  better: 'text-emerald-700 dark:text-emerald-400',
  neutral: 'text-slate-500 dark:text-slate-400',
};

/** "+53.6 % vs Q2 2026", signed and coloured; beyond ±999 % "n/a (base near zero: …)". */
export function ChangeText({
  pct,
  base,
  unit,
  against,
  higherIsBetter = false,
  className,
}: {
  pct: number | null;
  base: number | null;
  unit: string;
  /** "Q2 2026": the comparative period, omitted in a table whose column header names it. */
  against?: string;
  higherIsBetter?: boolean;
  className?: string;
}) {
  const change = changeDisplay(pct, base, unit, higherIsBetter);
  return (
    <span className={cn('tabular-nums', TONE_CLASS[change.tone], className)} data-tone={change.tone}>
      {change.text}
      {against ? <span className="text-slate-500 dark:text-slate-400">{` vs ${against}`}</span> : null}
    </span>
  );
}
