import 'server-only';
import { type ZodError, z } from 'zod';
import type { TActionState } from '@/lib/action-state';
import { isDatabaseUnavailable } from '@/lib/database-unavailable';
import { AppError, DATABASE_RETRY_AFTER_S } from '@/lib/errors';
import { logServerError } from './logger';

/** What a form shows above its highlighted fields. */
export const CHECK_FIELDS_MESSAGE = 'Check the highlighted fields.';

/**
 * A refusal tied to form fields, decided after parsing (e.g. a password policy that needs the invitation's email):
 * thrown from an action handler, it answers like a failed parse.
 */
export class FieldErrors extends AppError {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super('INVALID_INPUT', CHECK_FIELDS_MESSAGE, { fieldErrors });
  }
}

/** A failed validation as action state: one list of messages per field. */
export function toInvalidState<T>(error: ZodError): TActionState<T> {
  return { ok: false, message: CHECK_FIELDS_MESSAGE, fieldErrors: z.flattenError(error).fieldErrors };
}

/**
 * Maps any thrown error to an action state. An AppError is an answer (its message is for the user); anything else
 * is logged once, with the request id, and reported generically with that id as the reference to quote.
 */
export function toActionState<T>(error: unknown): TActionState<T> {
  if (error instanceof FieldErrors) {
    return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  }
  if (error instanceof AppError) {
    return { ok: false, message: error.message };
  }
  if (isDatabaseUnavailable(error)) {
    // The same answer as a route's 503: an outage is transient and retryable, logged at warn, not a bug.
    logServerError(error, 'database unavailable, server action refused', {}, 'warn');
    return { ok: false, message: `The database is unavailable; retry in ${DATABASE_RETRY_AFTER_S} s.` };
  }
  const requestId = logServerError(error, 'server action failed');
  return {
    ok: false,
    message: `Something went wrong on our side (reference ${requestId}). Try again; if it persists, contact your admin and quote the reference.`,
  };
}
