import type { z } from 'zod';
import type { TPermission } from '@/lib/auth/roles';
import type { TApiParameter, TApiResponse } from '../openapi/openapi-endpoint-types';

/**
 * What a route IS, as plain data: `defineRoute` (lib/server/http/define-route.ts) runs the request through it and
 * the OpenAPI document (lib/server/http/openapi/openapi.ts) is generated from the same objects, so the two cannot
 * drift. The contracts live in lib/server/http/routes/*-routes.ts: importing them runs nothing (no handler, no
 * database), which is what lets the generator and the docs page read every route without loading the handlers.
 */

export type THttpMethod = 'GET' | 'POST' | 'DELETE';

/**
 * Who may call. `user`: a bearer token (with the scope the permission maps to) or the session cookie, and the
 * role's permission (lib/auth/roles.ts); `permissionFor` picks a stricter permission from the raw path segments
 * (e.g. approve vs review), so authorisation can still run before parsing. `codecarbon`: the same, with the
 * CodeCarbon client's `x-api-token` header accepted as the bearer (lib/server/http/codecarbon-request.ts).
 * `public`: no credentials.
 */
export type TRouteAuth =
  | {
      kind: 'user' | 'codecarbon';
      permission: TPermission;
      permissionFor?: (rawParams: Record<string, string>) => TPermission;
    }
  | { kind: 'public' };

/**
 * `caller`: counted per token/user and organisation once authenticated, per IP when authentication fails;
 * `ip`: counted per client IP before anything else (public API documents); `none`: not an API call (health
 * probe, Better Auth's own endpoints, static template downloads). docs/decisions/api.md.
 */
export type TRateLimitPolicy = 'caller' | 'ip' | 'none';

/**
 * The request body. `json`: parsed with `schema` (422 INVALID_RECORDS with field paths, like CodeCarbon's server);
 * `records`: a JSON array of canonical records, read as JSON (400 when not JSON) and validated record by record
 * by the handler (422 lists every invalid record); `raw`: a stream the handler reads itself (file uploads), declared
 * by media type.
 */
export type TRouteBody =
  | { kind: 'json'; schema: z.ZodType; component: TApiResponse['schema'] & string; description: string }
  | { kind: 'records'; description: string }
  | { kind: 'raw'; contentTypes: string[]; description: string };

export interface TRouteDefinition {
  method: THttpMethod;
  /** OpenAPI style: `/api/v1/uploads/{id}`; `{...all}` for a catch-all segment. Must match the file's folder. */
  path: string;
  summary: string;
  description: string;
  tags?: string[];
  auth: TRouteAuth;
  rateLimit: TRateLimitPolicy;
  /** Path segments, parsed after authorisation. A uuid id is `z.uuid()`. */
  params?: z.ZodObject;
  /** An invalid path segment names nothing (404), or is a bad argument (400, e.g. an unknown report step). */
  invalidParams?: 'not-found' | 'invalid-input';
  query?: z.ZodObject;
  /** Descriptions of the path and query parameters, by name. */
  parameterDocs?: Record<string, string>;
  /**
   * Query parameters read by the handler itself (the dashboard filters, upload options that may also come as
   * multipart fields): documented here, parsed where they are used.
   */
  extraParameters?: TApiParameter[];
  body?: TRouteBody;
  /** Every status the route answers itself, errors included; 401/403/429/500/503 are added from auth/rateLimit. */
  responses: Record<string, TApiResponse>;
  /** Not part of the API document (Better Auth's protocol, the health probe, browser downloads). */
  openapi?: false;
}

/** Keeps the literal types of a definition (so the handler's params/query/body are typed from its schemas). */
export function routeContract<const D extends TRouteDefinition>(definition: D): D {
  return definition;
}
