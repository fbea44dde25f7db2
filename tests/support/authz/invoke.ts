import path from 'node:path';
import { hasPermission, type TPermission } from '@/lib/auth/roles';
import { tokenScopesAllow } from '@/lib/auth/token-scopes';
import { AppError } from '@/lib/errors';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { RedirectSignal, withRequest } from '../request-context';
import type { TCaller } from './world';

// Calls one route handler or server action as one caller and classifies what came back.

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The app's own origin (BETTER_AUTH_URL): browsers send it as `Origin` on same-site POST/DELETE. */
export const APP_ORIGIN = 'http://localhost:3000';

export type TOutcome = 'allowed' | 'forbidden' | 'unauthenticated' | 'not_found' | `error: ${string}`;
/** Who may call: a permission of lib/auth/roles.ts, any signed-in member, or anyone (the link/credential). */
export type TAccess = TPermission | 'public';

/** The expected outcome, from the permission matrix (lib/auth/roles.ts = docs/SECURITY.md) and token scopes. */
export function expectedOutcome(access: TAccess, caller: TCaller): TOutcome {
  if (access === 'public') {
    return 'allowed';
  }
  if (caller.kind === 'anonymous') {
    return 'unauthenticated';
  }
  if (!hasPermission(caller.member.role, access)) {
    return 'forbidden';
  }
  return caller.kind === 'token' && !tokenScopesAllow(caller.scopes, access) ? 'forbidden' : 'allowed';
}

export function callerHeaders(caller: TCaller, extra: Record<string, string> = {}): Record<string, string> {
  const base: Record<string, string> = { 'x-forwarded-for': '198.51.100.9', ...extra };
  if (caller.kind === 'session') {
    return { ...base, cookie: caller.member.cookie, origin: APP_ORIGIN };
  }
  if (caller.kind === 'token') {
    return { ...base, authorization: `Bearer ${caller.token}` };
  }
  return base;
}

export interface TRouteCall {
  /** Path and query, e.g. `/api/v1/uploads/<id>?x=1`. */
  url: string;
  params?: Record<string, string>;
  body?: unknown;
  /** Default application/json (bodies are JSON-encoded unless a string). */
  contentType?: string;
  /** Replaces the caller's cookie (e.g. a fresh session for sign-out). */
  headers?: Record<string, string>;
}

type THandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

export async function callRoute(file: string, method: string, caller: TCaller, call: TRouteCall) {
  const handler = ((await import(path.join(ROOT, file))) as Record<string, THandler>)[method];
  if (!handler) {
    throw new Error(`${file} exports no ${method}`);
  }
  const headers = callerHeaders(caller, {
    ...(call.body !== undefined ? { 'content-type': call.contentType ?? 'application/json' } : {}),
    ...call.headers,
  });
  const body =
    call.body === undefined
      ? undefined
      : typeof call.body === 'string'
        ? call.body
        : JSON.stringify(call.body);
  const request = new Request(new URL(call.url, APP_ORIGIN), { method, headers, body });
  const response = await withRequest(headers, () =>
    handler(request, { params: Promise.resolve(call.params ?? {}) }),
  );
  return { response, outcome: routeOutcome(response.status, await response.clone().text()) };
}

function routeOutcome(status: number, text: string): TOutcome {
  if (status < 400) {
    return 'allowed';
  }
  if (status === 401) {
    return 'unauthenticated';
  }
  if (status === 403) {
    return 'forbidden';
  }
  return status === 404 ? 'not_found' : `error: ${status} ${text.slice(0, 300)}`;
}

type TAction = (...args: unknown[]) => Promise<unknown>;

export async function callAction(key: string, caller: TCaller, args: unknown[], cookie?: string) {
  const [file, name] = key.split('#') as [string, string];
  const action = ((await import(path.join(ROOT, file))) as Record<string, TAction>)[name];
  if (!action) {
    throw new Error(`${key} is not exported`);
  }
  // A browser sends Origin on every form POST, signed in or not; public actions are CSRF-checked too.
  const headers = callerHeaders(caller, { origin: APP_ORIGIN });
  if (cookie) {
    headers.cookie = cookie;
  }
  try {
    return actionOutcome(await withRequest(headers, () => action(...args)));
  } catch (error) {
    return thrownOutcome(error);
  }
}

function actionOutcome(result: unknown): TOutcome {
  const state = result as { ok?: boolean; message?: string } | undefined;
  if (state === undefined || state.ok === true) {
    return 'allowed';
  }
  return messageOutcome(state.message ?? '');
}

function messageOutcome(message: string): TOutcome {
  if (/does not allow this/.test(message)) {
    return 'forbidden';
  }
  if (/session has ended/.test(message)) {
    return 'unauthenticated';
  }
  return /not found|not valid|no longer listed|Unknown|^No (such|member|open|active)/i.test(message)
    ? 'not_found'
    : `error: ${message}`;
}

function thrownOutcome(error: unknown): TOutcome {
  if (error instanceof RedirectSignal) {
    return 'allowed';
  }
  if (error instanceof AppError) {
    const byCode: Partial<Record<string, TOutcome>> = {
      FORBIDDEN: 'forbidden',
      UNAUTHENTICATED: 'unauthenticated',
      NOT_FOUND: 'not_found',
    };
    return byCode[error.code] ?? `error: ${error.code} ${error.message}`;
  }
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

// Tables whose changes are side effects of any call, not of the endpoint: rate-limit counters, sign-in
// attempts, token last-use and session refresh times.
const VOLATILE_TABLES = new Set([
  'api_rate_limit',
  'sign_in_attempt',
  '_prisma_migrations',
  'schema_migrations',
]);
const VOLATILE_COLUMNS = new Set(['last_used_at', 'updated_at']);
let fingerprintSql: string | null = null;

/** One hash per table of the whole database (small test DBs: milliseconds). Equal = nothing changed. */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const pool = getPgPool();
  if (!fingerprintSql) {
    const { rows } = await pool.query<{ table_name: string; columns: string[] }>(
      `SELECT table_name, array_agg(column_name::text ORDER BY ordinal_position) AS columns
         FROM information_schema.columns WHERE table_schema = 'public' GROUP BY table_name`,
    );
    fingerprintSql = rows
      .filter((r) => !VOLATILE_TABLES.has(r.table_name))
      .map((r) => {
        const volatile = r.columns.filter((c) => VOLATILE_COLUMNS.has(c));
        if (volatile.length === 0) {
          // Cheap and exact enough: any insert or update writes a tuple with a newer xmin; a delete lowers count.
          return `SELECT '${r.table_name}' AS name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS hash FROM "${r.table_name}"`;
        }
        const cols = r.columns.filter((c) => !VOLATILE_COLUMNS.has(c)).map((c) => `t."${c}"`);
        const row = `md5(row(${cols.join(', ')})::text)`;
        return `SELECT '${r.table_name}' AS name, md5(coalesce(string_agg(${row}, '' ORDER BY ${row}), '')) AS hash FROM "${r.table_name}" t`;
      })
      .join('\nUNION ALL\n');
  }
  const { rows } = await pool.query<{ name: string; hash: string }>(fingerprintSql);
  return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((t) => before[t] !== after[t]);
}

/** One hash per table over the rows of one organisation (tables with an org_id column). */
export async function orgFingerprint(orgId: string): Promise<Record<string, string>> {
  const pool = getPgPool();
  const { rows: tables } = await pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'org_id' AND table_name <> 'api_rate_limit'`,
  );
  const sql = tables
    .map(
      ({ table_name: t }) =>
        `SELECT '${t}' AS name, md5(coalesce(string_agg(md5((to_jsonb(x) - 'last_used_at' - 'updated_at')::text), '' ORDER BY md5((to_jsonb(x) - 'last_used_at' - 'updated_at')::text)), '')) AS hash FROM "${t}" x WHERE org_id::text = $1`,
    )
    .join('\nUNION ALL\n');
  const { rows } = await pool.query<{ name: string; hash: string }>(sql, [orgId]);
  return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
}
