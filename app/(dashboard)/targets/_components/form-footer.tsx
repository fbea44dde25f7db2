import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { TActionState } from '@/lib/action-state';

/** Submit button, "Cancel editing" link and the action's message. */
export function FormFooter({
  pending,
  editing,
  noun,
  state,
}: {
  pending: boolean;
  editing: boolean;
  noun: string;
  state: TActionState;
}) {
  return (
    <>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : `${editing ? 'Save' : 'Create'} ${noun}`}
        </Button>
        {editing ? (
          <Link href="/targets" className="text-sm text-brand-700 underline">
            Cancel editing
          </Link>
        ) : null}
      </div>
      {!pending && state.message ? (
        <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>
      ) : null}
    </>
  );
}
