import { Alert } from '@/components/ui/alert';

/** A what-if form's validation or server messages, or nothing. */
export function ScenarioErrors({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) {
    return null;
  }
  return (
    <Alert tone="error">
      <ul>
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </Alert>
  );
}

/** "Title — N records" above a scenario's figures. */
export function ScenarioTitle({ title, records }: { title: string; records: number }) {
  return <p className="text-sm font-medium">{`${title} — ${records} record${records === 1 ? '' : 's'}`}</p>;
}
