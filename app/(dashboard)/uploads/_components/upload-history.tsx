'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format/date-time';
import { formatNumber } from '@/lib/format/quantities';
import type { TUploadDto } from '@/lib/server/usage/uploads/upload-queries';
import { deleteUploadAction } from '../actions';

/** Past uploads with status, uploader, time, counts, error report download and delete (with confirmation). */
export function UploadHistory({ uploads, canWrite }: { uploads: TUploadDto[]; canWrite: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const remove = (id: string) =>
    startTransition(async () => {
      const result = await deleteUploadAction({ uploadId: id });
      setConfirming(null);
      setMessage(
        result.ok
          ? `Upload deleted; ${result.data?.recordsRemoved ?? 0} records removed.`
          : (result.message ?? 'Not deleted.'),
      );
      router.refresh();
    });
  return (
    <div className="overflow-x-auto">
      {message ? (
        <p role="status" className="mb-2 text-sm text-slate-700">
          {message}
        </p>
      ) : null}
      <table className="w-full text-left text-sm" aria-label="Upload history">
        <thead className="text-slate-500">
          <tr>
            <th className="py-2 pr-3 font-medium">File</th>
            <th className="py-2 pr-3 font-medium">Status</th>
            <th className="py-2 pr-3 font-medium">Format</th>
            <th className="py-2 pr-3 font-medium">By</th>
            <th className="py-2 pr-3 font-medium">When (UTC)</th>
            <th className="py-2 pr-3 text-right font-medium">Imported</th>
            <th className="py-2 pr-3 text-right font-medium">Rejected</th>
            <th className="py-2 font-medium">Actions</th>
          </tr>
        </thead>
        <tbody>
          {uploads.map((u) => (
            <tr key={u.id} className="border-t border-slate-100">
              <td className="py-2 pr-3 font-medium">{u.fileName}</td>
              <td className="py-2 pr-3">
                <span className={u.status === 'failed' ? 'text-red-700' : 'text-emerald-700'}>
                  {u.status}
                </span>
              </td>
              <td className="py-2 pr-3">{u.format}</td>
              <td className="py-2 pr-3">{u.uploadedBy ?? 'API'}</td>
              <td className="py-2 pr-3">{formatDateTime(u.createdAt)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatNumber(u.rowsAccepted)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatNumber(u.rowsRejected)}</td>
              <td className="flex flex-wrap gap-2 py-2">
                {u.errorCount > 0 ? (
                  <a className="text-brand-700 underline" href={`/api/v1/uploads/${u.id}/errors`} download>
                    Error report
                  </a>
                ) : null}
                {canWrite && confirming !== u.id ? (
                  <Button
                    variant="ghost"
                    className="h-7 px-2"
                    onClick={() => setConfirming(u.id)}
                    aria-label={`Delete ${u.fileName}`}
                  >
                    Delete
                  </Button>
                ) : null}
                {confirming === u.id ? (
                  <>
                    <Button
                      variant="danger"
                      className="h-7 px-2"
                      disabled={pending}
                      onClick={() => remove(u.id)}
                    >
                      Confirm delete
                    </Button>
                    <Button variant="ghost" className="h-7 px-2" onClick={() => setConfirming(null)}>
                      Cancel
                    </Button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
