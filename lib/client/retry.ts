/**
 * When to retry a response (pure). 429 and 503 are retried after Retry-After (delta seconds or an HTTP date),
 * else after exponential backoff; every wait is capped. Every API write is idempotent (records by recordId or
 * content hash, uploads by file hash, CodeCarbon posts by exact resend), so POSTs are retried too.
 */

export interface TRetryOptions {
  /** Retries after the first attempt (default 3). */
  maxRetries: number;
  /** First backoff when no Retry-After is given, ms (default 500; doubles each retry). */
  baseDelayMs: number;
  /** Longest single wait, ms (default 60 000). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: TRetryOptions = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 60_000 };

export const RETRY_STATUSES = new Set([429, 503]);

/** Milliseconds to wait before retry number `attempt` (0-based), or null when not to retry. */
export function retryDelayMs(
  status: number,
  retryAfter: string | null,
  attempt: number,
  nowMs: number,
  options: TRetryOptions = DEFAULT_RETRY,
): number | null {
  if (!RETRY_STATUSES.has(status) || attempt >= options.maxRetries) {
    return null;
  }
  let delayMs = options.baseDelayMs * 2 ** attempt;
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    const dateMs = Date.parse(retryAfter);
    if (Number.isFinite(seconds)) {
      delayMs = Math.max(0, seconds * 1000);
    } else if (!Number.isNaN(dateMs)) {
      delayMs = Math.max(0, dateMs - nowMs);
    }
  }
  return Math.min(delayMs, options.maxDelayMs);
}
