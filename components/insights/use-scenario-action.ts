'use client';

import { useEffect, useState, useTransition } from 'react';
import type { z } from 'zod';
import type { TActionState } from '@/lib/action-state';

/**
 * A what-if form's round trip: validate on the client (messages next to the form), run the server action in a
 * transition, keep the result or the server's message. `ready` turns true once hydrated, so a submit never falls
 * back to a native form post that would drop the result.
 */
export function useScenarioAction<TInput, TResult>(
  schema: z.ZodType<TInput>,
  action: (input: TInput) => Promise<TActionState<TResult>>,
) {
  const [errors, setErrors] = useState<string[]>([]);
  const [result, setResult] = useState<TResult | null>(null);
  const [pending, startTransition] = useTransition();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const run = (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => i.message));
      return;
    }
    setErrors([]);
    startTransition(async () => {
      const state = await action(parsed.data);
      if (state.ok && state.data) {
        setResult(state.data);
      } else {
        setResult(null);
        setErrors([state.message ?? 'The scenario could not be computed.']);
      }
    });
  };
  return { errors, result, pending, ready, run };
}
