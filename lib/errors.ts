// One error type with string codes. Pure: the HTTP answer is made in one place, lib/server/http/error-response.ts
// (every route goes through `defineRoute`); server actions map it to action state.
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
