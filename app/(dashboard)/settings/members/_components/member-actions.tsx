'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { selectClass } from '@/components/ui/select-class';
import type { TActionState } from '@/lib/action-state';
import { changeMemberRoleAction, removeMemberAction } from '../actions';

function Message({ state }: { state: TActionState }) {
  if (!state.message) {
    return null;
  }
  return (
    <p
      role={state.ok ? 'status' : 'alert'}
      className={state.ok ? 'text-xs text-emerald-700' : 'text-xs text-red-700'}
    >
      {state.message}
    </p>
  );
}

/** Role select + Save and Remove for one member; the server applies the owner rules and reports refusals. */
export function MemberActions({
  userId,
  email,
  role,
  roles,
}: {
  userId: string;
  email: string;
  role: string;
  roles: readonly string[];
}) {
  const [roleState, roleAction, rolePending] = useActionState<TActionState, FormData>(
    changeMemberRoleAction,
    {
      ok: true,
    },
  );
  const [removeState, removeAction, removePending] = useActionState<TActionState, FormData>(
    removeMemberAction,
    {
      ok: true,
    },
  );
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={userId} />
          <select name="role" defaultValue={role} aria-label={`Role of ${email}`} className={selectClass}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <Button
            type="submit"
            variant="secondary"
            disabled={rolePending}
            aria-label={`Save role of ${email}`}
          >
            Save
          </Button>
        </form>
        <form action={removeAction}>
          <input type="hidden" name="userId" value={userId} />
          <Button type="submit" variant="danger" disabled={removePending} aria-label={`Remove ${email}`}>
            Remove
          </Button>
        </form>
      </div>
      <Message state={roleState} />
      <Message state={removeState} />
    </div>
  );
}
