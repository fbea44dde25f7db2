'use client';

import { Alert } from '@/components/ui/alert';

/** Error boundary for every dashboard page: a panel failure shows a message and a retry, not a blank page. */
export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="flex flex-col gap-3">
      <Alert tone="error">
        Something went wrong while loading this page.{error.digest ? ` (Reference ${error.digest})` : ''}
      </Alert>
      <button
        type="button"
        onClick={reset}
        className="self-start rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white"
      >
        Try again
      </button>
    </div>
  );
}
