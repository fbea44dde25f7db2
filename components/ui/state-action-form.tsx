'use client';

import { useFormStatus } from 'react-dom';
import { Button } from '@/components/ui/button';
import type { TActionState } from '@/lib/action-state';
import { ActionForm } from './action-form';

/**
 * A one-button form (delete, revoke) for a useActionState server action: hidden fields, the button, and the
 * action's refusal (role, not found) shown next to it instead of an error page.
 */
export function StateActionForm({
  action,
  fields,
  label,
  ariaLabel,
}: {
  action: (prev: TActionState, formData: FormData) => Promise<TActionState>;
  fields: Record<string, string>;
  label: string;
  ariaLabel: string;
}) {
  return (
    <ActionForm action={action} className="flex items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton label={label} ariaLabel={ariaLabel} />
    </ActionForm>
  );
}

function SubmitButton({ label, ariaLabel }: { label: string; ariaLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="danger" disabled={pending} aria-label={ariaLabel}>
      {label}
    </Button>
  );
}
