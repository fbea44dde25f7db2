import 'server-only';
import { isDatabaseUnavailable } from '@/lib/database-unavailable';
import { AppError, DATABASE_RETRY_AFTER_S, ERROR_STATUS, type TErrorEnvelope } from '@/lib/errors';
import { logServerError } from './logger';

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
 * The one error answer of every route (`defineRoute` in lib/server/http/define-route.ts catches every throw and
 * calls this). Server errors are logged once, as one structured line with the request id
 * (lib/server/http/logger.ts): a 500 at level error, and its answer quotes the id; a database outage (503) at level
 * warn; `fields.route` names the route definition (`GET /api/v1/uploads/{id}`). Expected errors (4xx) are answers,
 * not logged.
 */
export function toErrorResponse(error: unknown, fields: { route?: string } = {}): Response {
  const envelope = toErrorEnvelope(error);
  const { status } = envelope.error;
  if (status === 500) {
    const requestId = logServerError(error, 'internal error answered 500', { ...fields, status });
    envelope.error.message = `${envelope.error.message.replace(/\.$/, '')}; quote request id ${requestId} when reporting it.`;
    envelope.error.requestId = requestId;
  } else if (status === 503) {
    logServerError(error, 'database unavailable, answered 503', { ...fields, status }, 'warn');
  }
  const headers =
    envelope.error.status === 503 ? { 'Retry-After': String(DATABASE_RETRY_AFTER_S) } : undefined;
  return Response.json(envelope, { status: envelope.error.status, headers });
}
