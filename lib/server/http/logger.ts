import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestContext } from './request-context';

/**
 * The server's one logger: JSON lines on stdout (pino, synchronous, no transport or worker thread), one object per
 * line with `time` (ISO 8601 UTC), `level` (label), `msg`, `requestId` when the line belongs to a request, and for
 * errors `err` ({ name, message, stack, code?, digest? }) with `method` and `path`. docs/RELIABILITY.md ("Logs").
 * Secrets never reach a line: credential-bearing keys are redacted (REDACTED_KEYS) and paths lose their secret
 * parts (safePath).
 */

/** Keys whose values are credentials: redacted at the top level and up to two objects deep (e.g. `req.headers`). */
const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'apiKey',
];
export const REDACTED = '[Redacted]';

/** Search parameters whose values are secrets (reset/verification tokens, signatures, OAuth codes). */
const SECRET_PARAM = /token|secret|password|signature|code|key/i;
/** Path segments that are secrets: the one-time invitation link `/invite/<token>` (app/(auth)/invite/[token]). */
const SECRET_SEGMENT = /^(\/invite\/)[^/?#]+/;

/** A request path (with query) fit for a log line: secret segments and secret parameter values replaced. */
export function safePath(path: string): string {
  let url: URL;
  try {
    url = new URL(path, 'http://log.invalid');
  } catch {
    // Logging must not throw; an unparseable target is not written at all.
    return '[unparseable path]';
  }
  for (const name of new Set(url.searchParams.keys())) {
    if (SECRET_PARAM.test(name)) {
      url.searchParams.set(name, REDACTED);
    }
  }
  return `${url.pathname.replace(SECRET_SEGMENT, `$1${REDACTED}`)}${url.search}`;
}

/** What a log line says about an error: name, message and stack (no enumerable extras: driver errors carry data). */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) {
    return { name: typeof error, message: String(error) };
  }
  const { code, digest } = error as { code?: unknown; digest?: unknown };
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof digest === 'string' ? { digest } : {}),
  };
}

export function createLogger(destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError },
    redact: {
      paths: REDACTED_KEYS.flatMap((key) => {
        const member = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
        return [member.startsWith('.') ? key : member, `*${member}`, `*.*${member}`];
      }),
      censor: REDACTED,
    },
    // Every line written while serving a request carries its id (production server; lib/server/http/request-context.ts).
    mixin: () => {
      const requestId = currentRequestContext()?.requestId;
      return requestId ? { requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options, pino.destination({ dest: 1, sync: true }));
}

let current: Logger | undefined;

export function logger(): Logger {
  current ??= createLogger();
  return current;
}

/** Tests: send every line to `destination` until the returned function restores the previous logger. */
export function redirectLogs(destination: DestinationStream): () => void {
  const previous = current;
  current = createLogger(destination);
  return () => {
    current = previous;
  };
}

/**
 * The request id, method and (safe) path of the request being served, for an error line. The production server
 * sets the id from a well-formed incoming `X-Request-Id` or a new UUID and echoes it in the response header. Under
 * `next dev` and in tests there is no request context: each call makes a new id (and knows no method or path), so
 * a caller that logs and answers with the id reads it once.
 */
export function requestFields(): { requestId: string; method?: string; path?: string } {
  const context = currentRequestContext();
  if (!context) {
    return { requestId: randomUUID() };
  }
  return {
    requestId: context.requestId,
    ...(context.method ? { method: context.method } : {}),
    ...(context.path ? { path: safePath(context.path) } : {}),
  };
}

/**
 * Logs one server error (level error, or warn for an outage the client may retry): the error, the request's id,
 * method and safe path, then `fields` (which win, e.g. the route of onRequestError). Returns the request id written,
 * for the answer to quote.
 */
export function logServerError(
  error: unknown,
  message: string,
  fields: Record<string, unknown> = {},
  level: 'error' | 'warn' = 'error',
): string {
  const entry = { ...requestFields(), ...fields, err: error };
  const text = error instanceof Error ? error.message : String(error);
  logger()[level](entry, `${message}: ${text}`);
  return entry.requestId as string;
}

// The production server's last-resort handler (scripts/server/request-context-handler.mjs) is plain JavaScript
// outside the app bundle; it finds logServerError here, as it finds the request context, through globalThis.
(globalThis as Record<symbol, unknown>)[Symbol.for('ai-footprint.log-server-error')] = logServerError;
