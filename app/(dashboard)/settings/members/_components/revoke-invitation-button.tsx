'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import type { TActionState } from '@/lib/action-state';
import { revokeInvitationAction } from '../actions';

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const [state, action, pending] = useActionState<TActionState, FormData>(revokeInvitationAction, {
    ok: true,
  });
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Revoke invitation for ${email}`}>
        Revoke
      </Button>
      {!state.ok && state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
