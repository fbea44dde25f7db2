import { Button } from '@/components/ui/button';

/** Plain GET form (works without JavaScript): quarters with data, then full years. */
export function PeriodPicker({ quarters, selected }: { quarters: string[]; selected: string }) {
  const years = [...new Set(quarters.map((q) => q.slice(0, 4)))];
  return (
    <form method="get" className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor="report-period" className="text-sm font-medium text-slate-700">
          Reporting period
        </label>
        <select
          id="report-period"
          name="period"
          defaultValue={selected}
          className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          <optgroup label="Quarters">
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </optgroup>
          <optgroup label="Full years">
            {years.map((y) => (
              <option key={y} value={y}>
                {`FY ${y}`}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Show preview
      </Button>
    </form>
  );
}
