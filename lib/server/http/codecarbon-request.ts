import 'server-only';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';

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

/**
 * Parses a JSON body (`defineRoute`, body kind `json`); invalid → 422 like CodeCarbon's reference server, with
 * field paths in details. Our own JSON endpoints answer the same way.
 */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
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

/** A read answered 404 in the error envelope when missing (CodeCarbon's client only checks the status). */
export function jsonOr404<T>(value: T | null, what: string): Response {
  if (value === null) {
    throw new AppError('NOT_FOUND', `${what} not found in this organisation.`);
  }
  return Response.json(value);
}
