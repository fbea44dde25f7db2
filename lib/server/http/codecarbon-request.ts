import 'server-only';
import type { z } from 'zod';
import type { TPermission } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { requireRequestAuth, type TAuthContext } from '@/lib/server/access/auth-context';

/**
 * The CodeCarbon client sends its api_key as `x-api-token`; our tokens are `aif_…` bearer tokens, so the
 * header is mapped to `Authorization: Bearer` before the usual authentication (lib/server/access/auth-context.ts).
 */
export function withBearerFromApiToken(request: Request): Request {
  const apiToken = request.headers.get('x-api-token');
  if (!apiToken || request.headers.has('authorization')) {
    return request;
  }
  const headers = new Headers(request.headers);
  headers.set('authorization', `Bearer ${apiToken}`);
  return new Request(request.url, { method: request.method, headers });
}

/** Parses a CodeCarbon body; invalid → 422 like the reference server, with field paths in details. */
export async function parseCodecarbonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<z.output<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError('INVALID_RECORDS', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new AppError('INVALID_RECORDS', `Invalid ${details[0]?.field}: ${details[0]?.message}`, details);
  }
  return parsed.data;
}

/** Authenticates a CodeCarbon call (x-api-token or bearer) with the usual roles and rate limits. */
export function requireCodecarbonAuth(request: Request, permission: TPermission): Promise<TAuthContext> {
  return requireRequestAuth(withBearerFromApiToken(request), permission);
}

/** A read answered 404 in the error envelope when missing (CodeCarbon's client only checks the status). */
export function jsonOr404<T>(value: T | null, what: string): Response {
  if (value === null) {
    throw new AppError('NOT_FOUND', `${what} not found in this organisation.`);
  }
  return Response.json(value);
}

/** The same JSON body parsing for our own JSON endpoints (422 with field paths). */
export const parseJsonBody = parseCodecarbonBody;
