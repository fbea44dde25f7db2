import { z } from 'zod';
import { routeContract } from './route-contract';

/**
 * Routes outside the API document, still served through `defineRoute` (one error mapper, one log line per server
 * error): the health probe, Better Auth's own endpoints, the template downloads and the dashboard's CSV exports.
 */

export const HEALTH_ROUTE = routeContract({
  method: 'GET',
  path: '/api/health',
  summary: 'Liveness and database reachability',
  // For load balancers and the e2e web server, not API clients: 200 or 503 and never a 4xx, which Redocly's
  // recommended operation-4xx-response rule asks of every documented operation; docs/API.md describes it.
  description: 'Liveness and database reachability; no authentication.',
  auth: { kind: 'public' },
  rateLimit: 'none',
  responses: { '200': { description: 'Up' }, '503': { description: 'The database is unreachable' } },
  openapi: false,
});

const betterAuth = <const M extends 'GET' | 'POST'>(method: M) =>
  routeContract({
    method,
    path: '/api/auth/{...all}',
    summary: 'Better Auth',
    description: "Better Auth's HTTP endpoints (sign-in/email, sign-out, get-session): its own protocol.",
    auth: { kind: 'public' },
    rateLimit: 'none',
    responses: { '200': { description: 'Better Auth answer' } },
    openapi: false,
  });
export const AUTH_GET_ROUTE = betterAuth('GET');
export const AUTH_POST_ROUTE = betterAuth('POST');

export const TEMPLATE_ROUTE = routeContract({
  method: 'GET',
  path: '/templates/{file}',
  summary: 'CSV template download',
  description: 'The generic template v1.1, blank and with example rows; public.',
  auth: { kind: 'public' },
  rateLimit: 'none',
  params: z.object({ file: z.string() }),
  responses: { '200': { description: 'CSV download', contentTypes: ['text/csv'] } },
  openapi: false,
});

/** A dashboard CSV export: filters in the query (parsed by the page's own lenient parser), streamed in batches. */
const csvExport = <const P extends string>(path: P, permission: 'read' | 'readAudit', summary: string) =>
  routeContract({
    method: 'GET',
    path,
    summary,
    description: `${summary}, filtered like its page and streamed in batches.`,
    auth: { kind: 'user', permission },
    rateLimit: 'caller',
    responses: { '200': { description: 'CSV download', contentTypes: ['text/csv'] } },
    openapi: false,
  });

export const RECORDS_EXPORT_ROUTE = csvExport('/records/export', 'read', 'Records as CSV');
export const AUDIT_EXPORT_ROUTE = csvExport('/audit/export', 'readAudit', 'Audit log as CSV');
