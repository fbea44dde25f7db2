import { FormField } from '@/components/ui/form-field';

export { FormField } from '@/components/ui/form-field';

export const selectClass =
  'h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-xs disabled:bg-slate-50 dark:border-slate-700 dark:bg-slate-900';

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
      <FormField id={`${prefix}-periodKind`} label="Period" error={errors.periodKind}>
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
      <FormField id={`${prefix}-basis`} label="Basis" error={errors.basis}>
        <select id={`${prefix}-basis`} name="basis" defaultValue={basis} className={selectClass}>
          <option value="location">Location-based</option>
          <option value="market">Market-based</option>
        </select>
      </FormField>
    </>
  );
}
