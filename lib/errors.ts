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

/** The JSON body and status of an error response; unknown errors become INTERNAL without leaking details. */
export function toErrorEnvelope(error: unknown): TErrorEnvelope {
  if (error instanceof AppError) {
    const status = ERROR_STATUS[error.code];
    return { error: { message: error.message, code: error.code, status, details: error.details } };
  }
  return { error: { message: 'Internal error', code: 'INTERNAL', status: 500 } };
}

export function toResponse(error: unknown): Response {
  const envelope = toErrorEnvelope(error);
  return Response.json(envelope, { status: envelope.error.status });
}
