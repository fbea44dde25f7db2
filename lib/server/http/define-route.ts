import 'server-only';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { requireRequestAuth, type TAuthContext } from '@/lib/server/access/auth-context';
import { parseJsonBody, withBearerFromApiToken } from './codecarbon-request';
import { toErrorResponse } from './error-response';
import { parseQuery } from './query';
import { withRateLimit } from './rate-limit';
import type { TRouteDefinition } from './routes/route-contract';
import { readJsonBody } from './validate-records';

/**
 * The one wrapper of every route handler (issue #18). In a fixed order:
 * 1. request context: the production server has set the request id (lib/server/http/request-context.ts); every log
 *    line and the 500 answer below quote it, and an error line names the route (`route`: method and path template);
 * 2. rate limit frame (`withRateLimit`, per the definition's policy: RateLimit-* headers, 429, 401s per IP);
 * 3. authenticate → count the call against the caller's limits → authorise role and token scope
 *    (`requireRequestAuth`); BEFORE any parsing, so a caller without the right credentials learns nothing about
 *    the resource's inputs (a 401/403, never a 400/404/422 that reveals what would have been valid);
 * 4. parse path params and query (Zod; 404 for a path segment that names nothing, 400 otherwise);
 * 5. parse the body (JSON by schema; a record batch as JSON; a raw stream is left to the handler);
 * 6. call the handler with `{ ctx, params, query, body, request }`;
 * and every throw, anywhere, becomes one answer through `toErrorResponse` (lib/server/http/error-response.ts).
 */

export const ROUTE_DEFINITION = Symbol.for('ai-footprint.route-definition');

type TOutput<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

type TBody<D extends TRouteDefinition> = D['body'] extends { kind: 'json'; schema: infer S }
  ? TOutput<S>
  : D['body'] extends { kind: 'records' }
    ? unknown
    : undefined;

export interface TRouteInput<D extends TRouteDefinition> {
  ctx: D['auth'] extends { kind: 'public' } ? null : TAuthContext;
  params: TOutput<D['params']>;
  query: TOutput<D['query']>;
  body: TBody<D>;
  request: Request;
}

type TNextContext = { params?: Promise<Record<string, string | string[] | undefined>> };

export type TRouteHandler = ((request: Request, context?: TNextContext) => Promise<Response>) & {
  readonly [ROUTE_DEFINITION]: TRouteDefinition;
};

function rawSegments(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join('/') : (value ?? ''),
    ]),
  );
}

async function authenticate(
  definition: TRouteDefinition,
  request: Request,
  raw: Record<string, string>,
): Promise<TAuthContext | null> {
  const { auth } = definition;
  if (auth.kind === 'public') {
    return null;
  }
  const permission = auth.permissionFor?.(raw) ?? auth.permission;
  const credentials = auth.kind === 'codecarbon' ? withBearerFromApiToken(request) : request;
  return requireRequestAuth(credentials, permission);
}

function parseParams(definition: TRouteDefinition, raw: Record<string, string>): unknown {
  if (!definition.params) {
    return {};
  }
  const parsed = definition.params.safeParse(raw);
  if (parsed.success) {
    return parsed.data;
  }
  if ((definition.invalidParams ?? 'not-found') === 'not-found') {
    throw new AppError('NOT_FOUND', 'Not found in this organisation.');
  }
  throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join('; '));
}

async function parseBody(definition: TRouteDefinition, request: Request): Promise<unknown> {
  switch (definition.body?.kind) {
    case 'json':
      return parseJsonBody(request, definition.body.schema);
    case 'records':
      return readJsonBody(request);
    default:
      return undefined;
  }
}

export function defineRoute<const D extends TRouteDefinition>(
  definition: D,
  handler: (input: TRouteInput<D>) => Promise<Response> | Response,
): TRouteHandler {
  const route = `${definition.method} ${definition.path}`;
  const serve = async (request: Request, context?: TNextContext): Promise<Response> => {
    try {
      const raw = rawSegments((await context?.params) ?? {});
      const ctx = await authenticate(definition, request, raw);
      const params = parseParams(definition, raw);
      const query = definition.query ? parseQuery(definition.query, new URL(request.url)) : {};
      const body = await parseBody(definition, request);
      return await handler({ ctx, params, query, body, request } as TRouteInput<D>);
    } catch (error) {
      return toErrorResponse(error, { route });
    }
  };
  const limited =
    definition.rateLimit === 'none'
      ? serve
      : withRateLimit(serve, { anonymous: definition.rateLimit === 'ip' });
  return Object.assign(limited, { [ROUTE_DEFINITION]: definition }) as TRouteHandler;
}
