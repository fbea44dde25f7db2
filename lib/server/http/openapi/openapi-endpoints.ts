import type { z } from 'zod';
import { requiredScope } from '@/lib/auth/token-scopes';
import { ALL_ROUTES } from '../routes/all-routes';
import type { TRouteDefinition } from '../routes/route-contract';
import { errors, type TApiEndpoint, type TApiParameter, type TApiResponse } from './openapi-endpoint-types';

export type { TApiEndpoint, TApiParameter, TApiResponse, TComponentName } from './openapi-endpoint-types';

/**
 * The operations of the OpenAPI document, DERIVED from the route definitions every handler runs through
 * (lib/server/http/routes/all-routes.ts, `defineRoute`): parameters from the Zod schemas the wrapper parses with,
 * the body from the declared body, and the answers the wrapper itself gives (401/403 from the auth, 429 from the
 * rate limit, 500/503 from the error mapper) added to each route's own.
 */

const RATE_LIMITED: TApiResponse = {
  description: 'Rate limit exceeded (per token, organisation, or IP without credentials); see Retry-After',
  schema: 'RateLimitedProblem',
};

const DATABASE_UNAVAILABLE: TApiResponse = {
  description: 'The database is unreachable or dropped the connection; retry after Retry-After',
  schema: 'ErrorEnvelope',
};

const INTERNAL_ERROR: TApiResponse = {
  description:
    'An unexpected server error; `error.requestId` names it in the server logs (quote it when reporting)',
  schema: 'ErrorEnvelope',
};

/**
 * 403 of an authenticated route: requireRequestAuth (lib/server/access/auth-context.ts) refuses a role without the
 * permission, a token without the scope it maps to (lib/auth/token-scopes.ts), and a cross-site write with the
 * session cookie (CSRF).
 */
function forbidden(route: TRouteDefinition): TApiResponse {
  if (route.auth.kind === 'public') {
    throw new Error('a public route has no 403');
  }
  const { permission } = route.auth;
  const scope = requiredScope(permission);
  const token = scope
    ? `the token lacks the \`${scope}\` scope`
    : 'it came with an API token (a browser session only)';
  const csrf = route.method === 'GET' ? '' : ', or a cross-site request came with the session cookie';
  return {
    description: `The role lacks the \`${permission}\` permission, or ${token}${csrf}`,
    schema: 'ErrorEnvelope',
  };
}

function fields(schema: z.ZodObject, where: 'path' | 'query', docs: Record<string, string>): TApiParameter[] {
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
    description: docs[name] ?? '',
    schema: field as z.ZodType,
  }));
}

function requestBody(route: TRouteDefinition): TApiEndpoint['requestBody'] {
  const body = route.body;
  if (!body) {
    return undefined;
  }
  const contentTypes: NonNullable<TApiEndpoint['requestBody']>['contentTypes'] =
    body.kind === 'json'
      ? { 'application/json': body.component }
      : body.kind === 'records'
        ? { 'application/json': 'recordArray' }
        : Object.fromEntries(body.contentTypes.map((type) => [type, 'binary' as const]));
  return { description: body.description, contentTypes };
}

export function toEndpoint(route: TRouteDefinition): TApiEndpoint {
  const docs = route.parameterDocs ?? {};
  const body = requestBody(route);
  return {
    method: route.method.toLowerCase() as TApiEndpoint['method'],
    path: route.path,
    summary: route.summary,
    description: route.description,
    auth: route.auth,
    ...(route.tags ? { tags: route.tags } : {}),
    parameters: [
      ...(route.params ? fields(route.params, 'path', docs) : []),
      ...(route.query ? fields(route.query, 'query', docs) : []),
      ...(route.extraParameters ?? []),
    ],
    ...(body ? { requestBody: body } : {}),
    responses: {
      '500': INTERNAL_ERROR,
      '503': DATABASE_UNAVAILABLE,
      ...route.responses,
      ...(route.auth.kind === 'public' ? {} : { ...errors('401'), '403': forbidden(route) }),
      ...(route.rateLimit === 'none' ? {} : { '429': RATE_LIMITED }),
    },
  };
}

/** Every documented operation, in the order of ALL_ROUTES. */
export const API_ENDPOINTS: TApiEndpoint[] = ALL_ROUTES.filter((route) => route.openapi !== false).map(
  toEndpoint,
);
