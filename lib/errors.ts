import { isDatabaseUnavailable } from './database-unavailable';
import { logServerError } from './server/http/logger';

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
  /** Too many API requests in the window (lib/server/http/rate-limit.ts); Retry-After says when to retry. */
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
  error: {
    message: string;
    code: TErrorCode;
    status: number;
    details?: unknown;
    /** 500 only: the id of the request in the server's logs (lib/server/http/logger.ts), for the user to quote. */
    requestId?: string;
  };
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

/**
 * The error answer of a route handler. Server errors are logged once, as one structured line with the request id
 * (lib/server/http/logger.ts): a 500 at level error, and its answer quotes the id; a database outage (503) at level
 * warn. Expected errors (4xx) are answers, not logged.
 */
export function toResponse(error: unknown): Response {
  const envelope = toErrorEnvelope(error);
  const { status } = envelope.error;
  if (status === 500) {
    const requestId = logServerError(error, 'internal error answered 500', { status });
    envelope.error.message = `${envelope.error.message.replace(/\.$/, '')}; quote request id ${requestId} when reporting it.`;
    envelope.error.requestId = requestId;
  } else if (status === 503) {
    logServerError(error, 'database unavailable, answered 503', { status }, 'warn');
  }
  const headers =
    envelope.error.status === 503 ? { 'Retry-After': String(DATABASE_RETRY_AFTER_S) } : undefined;
  return Response.json(envelope, { status: envelope.error.status, headers });
}
