import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { getRateLimitEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { toErrorResponse } from '@/lib/server/http/error-response';
import { hitRateLimitBuckets } from '@/lib/server/http/rate-limit-counts';
import { requestClientIp } from '@/lib/server/http/request-client-ip';
import {
  authenticatedBuckets,
  decide,
  ipBuckets,
  rateLimitHeaders,
  type TRateLimitBucket,
  type TRateLimitConfig,
  type TRateLimitDecision,
  windowStartOf,
} from './rate-limit-policy';

/**
 * Rate limiting for API route handlers. `enforceApiRateLimit` is the hook requireRequestAuth calls once the
 * caller is known (token/user + organisation buckets); `withRateLimit` wraps a route handler to add the
 * RateLimit-* headers to its response, count failed authentications per IP, and turn a limited call into a 429.
 */

const store = new AsyncLocalStorage<{ decision: TRateLimitDecision | null }>();

export function rateLimitConfig(): TRateLimitConfig {
  const env = getRateLimitEnv();
  return {
    windowS: env.API_RATE_LIMIT_WINDOW_S,
    perToken: env.API_RATE_LIMIT_PER_TOKEN,
    perOrg: env.API_RATE_LIMIT_PER_ORG,
    perIp: env.API_RATE_LIMIT_PER_IP,
  };
}

async function count(buckets: TRateLimitBucket[], config: TRateLimitConfig, now: Date) {
  if (buckets.length === 0) {
    return null;
  }
  const windowStart = windowStartOf(now, config.windowS);
  const counts = await hitRateLimitBuckets(
    buckets.map((b) => b.key),
    windowStart,
  );
  return decide(buckets, counts, windowStart, now, config.windowS);
}

/** Counts an authenticated call; throws RATE_LIMITED (429) when its token/user or organisation is over limit. */
export async function enforceApiRateLimit(caller: {
  orgId: string;
  userId: string;
  tokenId?: string;
}): Promise<void> {
  const config = rateLimitConfig();
  const decision = await count(authenticatedBuckets(config, caller), config, new Date());
  const state = store.getStore();
  if (state) {
    state.decision = decision;
  }
  if (decision?.limited) {
    throw new AppError('RATE_LIMITED', `Rate limit exceeded; retry in ${decision.resetS} s.`, {
      retryAfterS: decision.resetS,
    });
  }
}

/** The 429 answer: problem+json that also carries the error envelope, with Retry-After. */
export function rateLimitedResponse(decision: TRateLimitDecision): Response {
  const detail = `More than ${decision.limit} requests in ${decision.windowS} s; retry in ${decision.resetS} s.`;
  const body = {
    type: 'about:blank',
    title: 'Too Many Requests',
    status: 429 as const,
    detail,
    retryAfterS: decision.resetS,
    error: { message: detail, code: 'RATE_LIMITED' as const, status: 429 },
  };
  return new Response(JSON.stringify(body), {
    status: 429,
    headers: { 'content-type': 'application/problem+json', ...rateLimitHeaders(decision) },
  });
}

function withHeaders(response: Response, decision: TRateLimitDecision | null): Response {
  if (!decision) {
    return response;
  }
  if (decision.limited) {
    return rateLimitedResponse(decision);
  }
  // A copy: some responses (e.g. from fetch or Response.redirect) have immutable headers.
  const decorated = new Response(response.body, response);
  for (const [name, value] of Object.entries(rateLimitHeaders(decision))) {
    decorated.headers.set(name, value);
  }
  return decorated;
}

/**
 * Wraps a route handler. `anonymous: true` (public routes) counts every call per IP before the handler; otherwise
 * calls that fail authentication (401) are counted per IP, so guessing tokens is throttled too.
 */
export function withRateLimit<A extends unknown[]>(
  handler: (request: Request, ...rest: A) => Promise<Response> | Response,
  options: { anonymous?: boolean } = {},
): (request: Request, ...rest: A) => Promise<Response> {
  const limited = async (request: Request, ...rest: A) => {
    const config = rateLimitConfig();
    const ip = requestClientIp(request.headers);
    if (options.anonymous) {
      const decision = await count(ipBuckets(config, ip), config, new Date());
      if (decision?.limited) {
        return rateLimitedResponse(decision);
      }
      return withHeaders(await handler(request, ...rest), decision);
    }
    const state: { decision: TRateLimitDecision | null } = { decision: null };
    const response = await store.run(state, () => handler(request, ...rest));
    if (response.status === 401) {
      return withHeaders(response, await count(ipBuckets(config, ip), config, new Date()));
    }
    return withHeaders(response, state.decision);
  };
  // The counters live in the database: when it is down, answer with the error envelope (503 + Retry-After)
  // like the handlers do, not with Next's bare 500 page.
  return async (request, ...rest) => {
    try {
      return await limited(request, ...rest);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
