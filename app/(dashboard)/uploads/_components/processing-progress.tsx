'use client';

import { Button } from '@/components/ui/button';
import { ProgressBar } from '@/components/ui/progress-bar';
import { formatRemainingTime } from '@/lib/format/remaining-time';
import type { TUploadProgressResponse } from '@/lib/schemas/api-v1-uploads';

const nf = new Intl.NumberFormat('en');

type TProgress = NonNullable<TUploadProgressResponse['progress']>;

/** What the bar and its label say while the server reads the file: rows of (about) the total, time left. */
function readingState(
  p: TProgress,
  fileBytes: number,
): { label: string; value: number; max: number; spoken: string } {
  const rejected = ` · ${nf.format(p.rowsRejected)} rejected`;
  const left =
    p.etaSeconds === null ? '' : ` · about ${formatRemainingTime(p.etaSeconds)} left to read, then storing`;
  if (p.rowsTotal !== null && p.rowsTotal > 0) {
    const of = `${p.rowsTotalEstimated ? 'about ' : ''}${nf.format(p.rowsTotal)}`;
    const percent = Math.min(100, Math.round((p.rowsProcessed / p.rowsTotal) * 100));
    return {
      label: `Processing on the server: ${nf.format(p.rowsProcessed)} rows read of ${of} (${percent} %)${rejected}${left}`,
      value: p.rowsProcessed,
      max: p.rowsTotal,
      spoken: `${nf.format(p.rowsProcessed)} of ${of} rows${p.etaSeconds === null ? '' : `, about ${formatRemainingTime(p.etaSeconds)} left to read`}`,
    };
  }
  // No declared size: the share of the file's bytes read (the browser knows the file's size).
  const total = p.bytesTotal ?? fileBytes;
  const percent = total > 0 ? Math.min(100, Math.round((p.bytesProcessed / total) * 100)) : 0;
  return {
    label: `Processing on the server: ${percent} % parsed · ${nf.format(p.rowsProcessed)} rows read${rejected}${left}`,
    value: p.bytesProcessed,
    max: Math.max(total, 1),
    spoken: `${percent} % of the file read, ${nf.format(p.rowsProcessed)} rows`,
  };
}

/**
 * The server-side processing bar: rows read of the file's rows (about, until the whole file is read) with the
 * time left to read it, then the storing step (one transaction, no measurable progress: indeterminate).
 */
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
  const storing = p?.stage === 'storing';
  const reading = p && !storing ? readingState(p, fileBytes) : null;
  const label = !p
    ? 'Processing on the server: starting…'
    : storing
      ? `Storing ${nf.format(p.rowsProcessed)} rows (one transaction)…`
      : (reading?.label ?? '');
  return (
    <div className="flex min-w-0 flex-col gap-1" role="status" aria-live="polite">
      <span className="break-words text-sm" id="processing-progress-label" data-testid="processing-progress">
        {label}
      </span>
      <ProgressBar
        labelledBy="processing-progress-label"
        value={reading ? reading.value : null}
        max={reading ? reading.max : 1}
        valueText={reading ? reading.spoken : storing ? 'storing the rows' : 'starting'}
      />
      <div>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={cancelling || storing}>
          {cancelling ? 'Cancelling…' : 'Cancel upload'}
        </Button>
      </div>
    </div>
  );
}
