import type { Route } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';

/** Edit link and delete form (server action taking `id`) for one target or budget row. */
export function EditDeleteButtons({
  editHref,
  id,
  deleteAction,
  deleteLabel,
}: {
  editHref: string;
  id: string;
  deleteAction: (formData: FormData) => Promise<void>;
  deleteLabel: string;
}) {
  return (
    <div className="flex justify-end gap-2">
      <Button asChild variant="secondary">
        <Link href={editHref as Route}>Edit</Link>
      </Button>
      <form action={deleteAction}>
        <input type="hidden" name="id" value={id} />
        <Button type="submit" variant="danger" aria-label={deleteLabel}>
          Delete
        </Button>
      </form>
    </div>
  );
}
