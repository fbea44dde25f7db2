/**
 * True when `error` (or anything in its cause chain) says the database cannot be reached or dropped the connection:
 * a transient outage the caller should retry (503 + Retry-After), not a bug (500). Pure: inspects the error only.
 *
 * Shapes recognised (Prisma 7 with @prisma/adapter-pg, and the plain pg pool used for uploads):
 * - Node socket codes: ECONNREFUSED (server stopped), ECONNRESET, ENOTFOUND, ETIMEDOUT, EHOSTUNREACH, EPIPE;
 * - Postgres SQLSTATEs: class 08 (connection exception), 57P01–57P03 (terminating connection / cannot connect
 *   now, e.g. "terminating connection due to administrator command"), 53300 (too many connections);
 * - Prisma codes: P1001 (can't reach), P1002 (timed out reaching), P1008 (operation timed out), P1017 (server
 *   closed the connection), P2024 (connection pool timeout), P2037 (too many connections);
 * - driver adapter kinds (PrismaClientKnownRequestError.meta.driverAdapterError.cause.kind, e.g. in P2010 raw
 *   query failures): DatabaseNotReachable, ConnectionClosed, SocketTimeout, TooManyConnections;
 * - pg messages without a code: "Connection terminated unexpectedly", "timeout exceeded when trying to connect".
 */
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
  'P2037',
]);
const KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|terminating connection|Can't reach database server|the database system is (starting up|shutting down)/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) {
      continue;
    }
    seen.add(e);
    const { code, kind, message, cause, meta, errors } = e as Record<string, unknown>;
    if (typeof code === 'string' && (CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
      return true;
    }
    if (typeof kind === 'string' && KINDS.has(kind)) {
      return true;
    }
    if (typeof message === 'string' && MESSAGES.test(message)) {
      return true;
    }
    queue.push(cause, (meta as Record<string, unknown> | undefined)?.driverAdapterError);
    if (Array.isArray(errors)) {
      // AggregateError (e.g. a connect that tried IPv4 and IPv6).
      queue.push(...errors);
    }
  }
  return false;
}
