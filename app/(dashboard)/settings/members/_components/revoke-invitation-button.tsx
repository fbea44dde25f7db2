'use client';

import { StateActionForm } from '@/components/ui/state-action-form';
import { revokeInvitationAction } from '../actions';

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  return (
    <StateActionForm
      action={revokeInvitationAction}
      fields={{ invitationId }}
      label="Revoke"
      ariaLabel={`Revoke invitation for ${email}`}
    />
  );
}
