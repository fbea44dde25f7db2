'use client';

import { type ReactNode, useActionState } from 'react';
import type { TActionState } from '@/lib/action-state';

/**
 * A form for a server action whose success needs no message (it redirects or refreshes the page): the fields and
 * button it is given, and the action's refusal next to them instead of an error page. Works without JavaScript.
 */
export function ActionForm({
  action,
  className,
  children,
}: {
  action: (previous: TActionState, formData: FormData) => Promise<TActionState>;
  className?: string;
  children: ReactNode;
}) {
  const [state, formAction] = useActionState<TActionState, FormData>(action, { ok: true });
  return (
    <form action={formAction} className={className}>
      {children}
      {!state.ok && state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
