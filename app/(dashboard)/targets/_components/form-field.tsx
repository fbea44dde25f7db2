import type { ReactNode } from 'react';
import { Label } from '@/components/ui/label';

export const selectClass =
  'h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-xs disabled:bg-slate-50 dark:border-slate-700 dark:bg-slate-900';

/** A labelled field with its first validation error, linked by aria-describedby. */
export function FormField({
  id,
  label,
  errors,
  hint,
  children,
}: {
  id: string;
  label: string;
  errors?: string[] | undefined;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {errors?.[0] ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}

/** The period (quarter/year) and basis (location/market) selects both forms share. */
export function PeriodAndBasisFields({
  prefix,
  errors,
  periodKind,
  basis,
}: {
  prefix: string;
  errors: Record<string, string[] | undefined>;
  periodKind: string;
  basis: string;
}) {
  return (
    <>
      <FormField id={`${prefix}-periodKind`} label="Period" errors={errors.periodKind}>
        <select
          id={`${prefix}-periodKind`}
          name="periodKind"
          defaultValue={periodKind}
          className={selectClass}
        >
          <option value="quarter">Per quarter</option>
          <option value="year">Per year</option>
        </select>
      </FormField>
      <FormField id={`${prefix}-basis`} label="Basis" errors={errors.basis}>
        <select id={`${prefix}-basis`} name="basis" defaultValue={basis} className={selectClass}>
          <option value="location">Location-based</option>
          <option value="market">Market-based</option>
        </select>
      </FormField>
    </>
  );
}
