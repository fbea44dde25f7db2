'use client';

import { Button } from '@/components/ui/button';
import type { TUploadProgressResponse } from '@/lib/schemas/api-v1-uploads';

const nf = new Intl.NumberFormat('en');

/** The server-side processing bar: bytes of the file parsed (of its size), rows so far, then the storing step. */
export function ProcessingProgress({
  progress,
  fileBytes,
  onCancel,
  cancelling,
}: {
  progress: TUploadProgressResponse | null;
  fileBytes: number;
  onCancel: () => void;
  cancelling: boolean;
}) {
  const p = progress?.progress ?? null;
  const total = p?.bytesTotal ?? fileBytes;
  const storing = p?.stage === 'storing';
  const percent = p && total > 0 ? Math.min(100, Math.round((p.bytesProcessed / total) * 100)) : 0;
  const label = !p
    ? 'Processing on the server: starting…'
    : storing
      ? `Storing ${nf.format(p.rowsProcessed)} rows (one transaction)…`
      : `Processing on the server: ${percent} % parsed · ${nf.format(p.rowsProcessed)} rows read · ${nf.format(p.rowsRejected)} rejected`;
  return (
    <div className="flex flex-col gap-1" role="status" aria-live="polite">
      <span className="text-sm" id="processing-progress-label" data-testid="processing-progress">
        {label}
      </span>
      {storing || !p ? (
        <progress aria-labelledby="processing-progress-label" className="h-2 w-full" />
      ) : (
        <progress
          aria-labelledby="processing-progress-label"
          className="h-2 w-full"
          value={p.bytesProcessed}
          max={Math.max(total, 1)}
        />
      )}
      <div>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={cancelling || storing}>
          {cancelling ? 'Cancelling…' : 'Cancel upload'}
        </Button>
      </div>
    </div>
  );
}
