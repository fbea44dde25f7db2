import { cn } from '@/lib/utils/cn';

/**
 * A progress bar with its ARIA values (role progressbar, min 0, max, now, and a spoken text), themed for light
 * and dark. `value` null is indeterminate (no aria-valuenow; the bar pulses). Labelled by `labelledBy`.
 */
export function ProgressBar({
  value,
  max,
  valueText,
  labelledBy,
  className,
}: {
  value: number | null;
  max: number;
  valueText?: string;
  labelledBy: string;
  className?: string;
}) {
  const determinate = value !== null && max > 0;
  const percent = determinate ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-labelledby={labelledBy}
      aria-valuemin={0}
      aria-valuemax={determinate ? max : undefined}
      aria-valuenow={determinate ? Math.min(value, max) : undefined}
      aria-valuetext={valueText}
      className={cn('h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700', className)}
    >
      <div
        className={cn(
          'h-full rounded-full bg-brand-600 dark:bg-brand-500',
          determinate ? 'transition-[width] duration-300' : 'w-1/3 animate-pulse',
        )}
        style={determinate ? { width: `${percent}%` } : undefined}
      />
    </div>
  );
}
