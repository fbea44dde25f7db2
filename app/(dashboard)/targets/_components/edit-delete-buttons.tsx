import type { Route } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { StateActionForm } from '@/components/ui/state-action-form';
import type { TActionState } from '@/lib/action-state';

/** Edit link and delete form (server action taking `id`) for one target or budget row. */
export function EditDeleteButtons({
  editHref,
  id,
  deleteAction,
  deleteLabel,
}: {
  editHref: string;
  id: string;
  deleteAction: (prev: TActionState, formData: FormData) => Promise<TActionState>;
  deleteLabel: string;
}) {
  return (
    <div className="flex justify-end gap-2">
      <Button asChild variant="secondary">
        <Link href={editHref as Route}>Edit</Link>
      </Button>
      <StateActionForm action={deleteAction} fields={{ id }} label="Delete" ariaLabel={deleteLabel} />
    </div>
  );
}
