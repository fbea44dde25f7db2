'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import type { TActionState } from '@/lib/action-state';
import { approveReportAction, freezeReportAction, reviewReportAction } from '../actions';

const initial: TActionState = { ok: true };

function Message({ state }: { state: TActionState }) {
  return state.message ? (
    <p role="status" className={state.ok ? 'text-sm text-emerald-700' : 'text-sm text-red-700'}>
      {state.message}
    </p>
  ) : null;
}

export function FreezeForm({ period }: { period: string }) {
  const [state, action, pending] = useActionState(freezeReportAction, initial);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="period" value={period} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Freezing…' : 'Freeze snapshot'}
      </Button>
      <Message state={state} />
    </form>
  );
}

/** Review (second pair of eyes) or approve (third) one frozen version; the server enforces who may. */
export function SignOffForm({
  period,
  version,
  step,
}: {
  period: string;
  version: number;
  step: 'review' | 'approve';
}) {
  const [state, action, pending] = useActionState(
    step === 'review' ? reviewReportAction : approveReportAction,
    initial,
  );
  const label = step === 'review' ? 'Review' : 'Approve';
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="period" value={period} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`${label} version ${version}`}>
        {label}
      </Button>
      <Message state={state} />
    </form>
  );
}
