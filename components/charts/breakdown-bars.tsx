'use client';

import Link from 'next/link';
import { formatNumber } from '@/lib/format/quantities';
import { ChartFrame } from './chart-frame';

export interface TBreakdownBar {
  label: string;
  /** tCO2e (location-based). */
  valueT: number;
  /** Same item in the previous period of equal length, tCO2e. */
  previousT: number;
  /** Records explorer narrowed to this bar, or null when the dimension has no filter. */
  href: string | null;
}

/** "+12 %" vs the previous period (new = no previous value). */
function ChangeBadge({ current, previous }: { current: number; previous: number }) {
  if (previous <= 0) {
    return current > 0 ? <span className="ml-1 text-rose-700 dark:text-rose-400">new</span> : null;
  }
  const change = (current - previous) / previous;
  return (
    <span
      className={`ml-1 ${change > 0 ? 'text-rose-700 dark:text-rose-400' : 'text-emerald-700 dark:text-emerald-400'}`}
    >
      {change > 0 ? '+' : '−'}
      {Math.round(Math.abs(change) * 100)}%
    </span>
  );
}

/**
 * Horizontal bars as plain HTML: each bar is a link to the matching records (keyboard and screen-reader
 * friendly without SVG hit-testing).
 */
export function BreakdownBars({ title, slug, bars }: { title: string; slug: string; bars: TBreakdownBar[] }) {
  const max = Math.max(...bars.map((b) => b.valueT), 0);
  return (
    <ChartFrame
      title={title}
      fileName={`breakdown-${slug}.csv`}
      table={{
        header: [title.split(',')[0] ?? 'Item', 'tCO2e (location-based)', 'Previous period tCO2e'],
        rows: bars.map((b) => [b.label, b.valueT, b.previousT]),
      }}
    >
      {bars.length === 0 ? (
        <p className="text-sm text-slate-500">No records match the filters.</p>
      ) : (
        <ul className="flex flex-col gap-1.5" data-testid={`breakdown-${slug}`}>
          {bars.slice(0, 8).map((b) => {
            const width = `${max > 0 ? Math.max(1, (b.valueT / max) * 100) : 0}%`;
            const body = (
              <>
                <span className="flex justify-between gap-2 text-xs">
                  <span className="truncate">{b.label}</span>
                  <span className="tabular-nums text-slate-500">
                    {formatNumber(b.valueT)} t<ChangeBadge current={b.valueT} previous={b.previousT} />
                  </span>
                </span>
                <span className="mt-0.5 block h-2 rounded bg-slate-100 dark:bg-slate-800">
                  <span className="block h-2 rounded bg-brand-600" style={{ width }} />
                </span>
              </>
            );
            return (
              <li key={b.label}>
                {b.href ? (
                  <Link
                    href={b.href}
                    className="block rounded px-1 py-0.5 hover:bg-slate-50 dark:hover:bg-slate-800/60"
                    aria-label={`${b.label}: ${formatNumber(b.valueT)} tCO2e, show records`}
                  >
                    {body}
                  </Link>
                ) : (
                  <div className="px-1 py-0.5">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </ChartFrame>
  );
}
