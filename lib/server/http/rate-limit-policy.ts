/**
 * API rate limits: fixed windows counted per bucket (token, organisation, or IP address for calls without
 * valid credentials). Pure: the counts come from lib/server/http/rate-limit-counts.ts, `now` is an argument.
 * Header names follow the IETF RateLimit header fields draft (RateLimit-Limit/Remaining/Reset, delta seconds)
 * plus Retry-After (RFC 9110) on 429.
 */

export interface TRateLimitConfig {
  /** Window length, seconds. */
  windowS: number;
  /** Requests per window per API token (or per signed-in user for session calls). 0 = unlimited. */
  perToken: number;
  /** Requests per window per organisation, all its tokens and users together. 0 = unlimited. */
  perOrg: number;
  /** Requests per window per IP address for calls without valid credentials. 0 = unlimited. */
  perIp: number;
}

export const DEFAULT_RATE_LIMITS: TRateLimitConfig = { windowS: 60, perToken: 600, perOrg: 3000, perIp: 120 };

/** A bucket to count this request in, with its limit. */
export interface TRateLimitBucket {
  key: string;
  limit: number;
}

export interface TRateLimitDecision {
  limited: boolean;
  /** The most constraining bucket's limit and what remains of it after this request. */
  limit: number;
  remaining: number;
  /** Seconds until the window resets (≥ 1). */
  resetS: number;
  windowS: number;
}

/** Buckets of an authenticated call: the token (or session user) and the organisation. */
export function authenticatedBuckets(
  config: TRateLimitConfig,
  caller: { orgId: string; tokenId?: string; userId: string },
): TRateLimitBucket[] {
  const own = caller.tokenId ? `token:${caller.tokenId}` : `user:${caller.userId}:${caller.orgId}`;
  return [
    { key: own, limit: config.perToken },
    { key: `org:${caller.orgId}`, limit: config.perOrg },
  ].filter((b) => b.limit > 0);
}

export function ipBuckets(config: TRateLimitConfig, ip: string): TRateLimitBucket[] {
  return config.perIp > 0 ? [{ key: `ip:${ip}`, limit: config.perIp }] : [];
}

/** Start of the fixed window containing `now` (aligned to the epoch, so all processes agree). */
export function windowStartOf(now: Date, windowS: number): Date {
  const ms = windowS * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** Decision from the counts after this request (count includes it). */
export function decide(
  buckets: TRateLimitBucket[],
  counts: Map<string, number>,
  windowStart: Date,
  now: Date,
  windowS: number,
): TRateLimitDecision | null {
  let tightest: { limit: number; remaining: number; over: boolean } | null = null;
  for (const bucket of buckets) {
    const count = counts.get(bucket.key) ?? 0;
    const remaining = Math.max(0, bucket.limit - count);
    const over = count > bucket.limit;
    if (!tightest || over > tightest.over || (over === tightest.over && remaining < tightest.remaining)) {
      tightest = { limit: bucket.limit, remaining, over };
    }
  }
  if (!tightest) {
    return null;
  }
  const resetS = Math.max(1, Math.ceil((windowStart.getTime() + windowS * 1000 - now.getTime()) / 1000));
  return { limited: tightest.over, limit: tightest.limit, remaining: tightest.remaining, resetS, windowS };
}

/** Response headers for a decision; Retry-After only when limited. */
export function rateLimitHeaders(decision: TRateLimitDecision): Record<string, string> {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetS),
    'RateLimit-Policy': `${decision.limit};w=${decision.windowS}`,
    ...(decision.limited ? { 'Retry-After': String(decision.resetS) } : {}),
  };
}
