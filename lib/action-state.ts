import { type ZodError, z } from 'zod';
import { AppError } from './errors';
import { logServerError } from './server/http/logger';

/** What a server action returns to its form (useActionState). */
export interface TActionState<T = undefined> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  data?: T;
}

/** A failed validation as action state: one list of messages per field. */
export function toInvalidState<T>(error: ZodError): TActionState<T> {
  return {
    ok: false,
    message: 'Check the highlighted fields.',
    fieldErrors: z.flattenError(error).fieldErrors,
  };
}

/** Maps any thrown error to an action state; unknown errors are logged and reported generically. */
export function toActionState<T>(error: unknown): TActionState<T> {
  if (error instanceof AppError) {
    return { ok: false, message: error.message };
  }
  logServerError(error, 'server action failed');
  return {
    ok: false,
    message: 'Something went wrong on our side. Try again; if it persists, contact your admin.',
  };
}
