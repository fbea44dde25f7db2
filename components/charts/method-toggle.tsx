'use client';

import { useId } from 'react';
import { cn } from '@/lib/utils/cn';

/** A small radio group rendered as a segmented control (keyboard: arrow keys move between options). */
export function SegmentedToggle<T extends string>({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  const name = useId();
  return (
    <fieldset className="inline-flex rounded-md border border-slate-200 p-0.5 text-xs dark:border-slate-700">
      <legend className="sr-only">{legend}</legend>
      {options.map((o) => (
        <label
          key={o.value}
          className={cn(
            'cursor-pointer rounded px-2.5 py-1 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600',
            value === o.value
              ? 'bg-brand-600 text-white'
              : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
          )}
        >
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            className="sr-only"
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
