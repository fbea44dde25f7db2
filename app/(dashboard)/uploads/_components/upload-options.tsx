import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { IngestFormat } from '@/lib/ingest/types';
import { PHASES, PROVIDERS } from '@/lib/schemas/usage-record';

const SELECT = 'h-9 rounded-md border border-slate-300 bg-white px-2 text-sm';

/** Upload-form defaults (required phase for nvidia-smi, fallbacks for CodeCarbon) and the valid-rows option. */
export function UploadOptions({
  values,
  onChange,
  format,
}: {
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  format: IngestFormat;
}) {
  const set = (key: string, value: string) => onChange({ ...values, [key]: value });
  const text = (key: string, label: string, placeholder: string) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`upload-${key}`}>{label}</Label>
      <Input
        id={`upload-${key}`}
        value={values[key] ?? ''}
        placeholder={placeholder}
        onChange={(e) => set(key, e.target.value)}
      />
    </div>
  );
  const choice = (key: string, label: string, options: readonly string[]) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`upload-${key}`}>{label}</Label>
      <select
        id={`upload-${key}`}
        className={SELECT}
        value={values[key] ?? ''}
        onChange={(e) => set(key, e.target.value)}
      >
        <option value="">—</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      <legend className="mb-2 text-sm font-semibold">
        Defaults for rows that do not say{' '}
        {format === 'nvidia-smi' ? '(phase is required for nvidia-smi)' : ''}
      </legend>
      {choice('phase', 'Phase', PHASES)}
      {text('team', 'Team', 'e.g. applied-ml')}
      {text('project', 'Project', 'e.g. support-bot')}
      {choice('provider', 'Provider', PROVIDERS)}
      {text('region', 'Region', 'e.g. eu-west-1 or FR')}
      {text('timeZone', 'Time zone of naive timestamps', 'e.g. Europe/Paris')}
      <label className="flex items-center gap-2 text-sm sm:col-span-3">
        <input
          type="checkbox"
          checked={values.validOnly === 'true'}
          onChange={(e) => set('validOnly', e.target.checked ? 'true' : '')}
        />
        Import valid rows only (skip invalid rows and list them) — by default, any invalid row stores nothing
      </label>
    </fieldset>
  );
}
