import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

const selectClass = 'h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm dark:bg-slate-900';

/** A labelled select of a what-if form (label above, full width in its grid cell). */
export function SelectField({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <select id={id} className={selectClass} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled optional non-negative number (prices): empty stays empty, the placeholder says what empty means. */
export function PriceField({
  id,
  label,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="number"
        min={0}
        step="any"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
      />
    </div>
  );
}

/** A region code typed freely, with the places of the factor library as suggestions (a datalist). */
export function RegionField({
  id,
  label,
  value,
  onChange,
  regions,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  regions: readonly string[];
}) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        list={`${id}-list`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="e.g. swedencentral"
      />
      <datalist id={`${id}-list`}>
        {regions.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
    </div>
  );
}
