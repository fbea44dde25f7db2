import { isDatabaseUnavailable } from './database-unavailable';

// One error type with string codes, mapped once to HTTP responses (route handlers) and to action state.
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  INVALID_CSV: 422,
  /** A JSON batch of records (API) with invalid records; the body lists them. */
  INVALID_RECORDS: 422,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  FACTOR_MISSING: 422,
  /** Too many API requests in the window (lib/api/rate-limit.ts); Retry-After says when to retry. */
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The database is unreachable or dropped the connection (lib/database-unavailable.ts); Retry-After is set. */
  SERVICE_UNAVAILABLE: 503,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface TErrorEnvelope {
  error: { message: string; code: TErrorCode; status: number; details?: unknown };
}

/** Seconds a client should wait after a 503 (a restarting Postgres is usually back within seconds). */
export const DATABASE_RETRY_AFTER_S = 5;

/**
 * The JSON body and status of an error response; a database outage becomes SERVICE_UNAVAILABLE (503, retryable),
 * other unknown errors INTERNAL (500); neither leaks driver details.
 */
export function toErrorEnvelope(error: unknown): TErrorEnvelope {
  if (error instanceof AppError) {
    const status = ERROR_STATUS[error.code];
    return { error: { message: error.message, code: error.code, status, details: error.details } };
  }
  if (isDatabaseUnavailable(error)) {
    const message = `The database is unavailable; retry in ${DATABASE_RETRY_AFTER_S} s.`;
    return { error: { message, code: 'SERVICE_UNAVAILABLE', status: 503 } };
  }
  return { error: { message: 'Internal error', code: 'INTERNAL', status: 500 } };
}

export function toResponse(error: unknown): Response {
  const envelope = toErrorEnvelope(error);
  const headers =
    envelope.error.status === 503 ? { 'Retry-After': String(DATABASE_RETRY_AFTER_S) } : undefined;
  return Response.json(envelope, { status: envelope.error.status, headers });
}
