import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { GET as summary } from '@/app/api/v1/summary/route';
import { onRequestError } from '@/instrumentation';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { findSummary } from '@/lib/server/dashboard/api-summary';
import { logger, redirectLogs } from '@/lib/server/http/logger';
import { currentRequestContext } from '@/lib/server/http/request-context';
import { withRequestContext } from '@/scripts/server/request-context-handler.mjs';
import { expectContract } from '../support/api-contract';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

// Issue #18: every request has an id (X-Request-Id, kept when well-formed), and every server error is one JSON log
// line carrying it; the 500 answer quotes the id so a user can report it.

// The real summary route with its data function stubbed to fail like an unexpected bug would.
vi.mock('@/lib/server/dashboard/api-summary', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/server/dashboard/api-summary')>();
  return { ...original, findSummary: vi.fn(original.findSummary) };
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SUMMARY = '/api/v1/summary?from=2026-01-01&to=2026-03-31&groupBy=month';

let token: string;
let lines: string[];
let restoreLogs: () => void;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  token = (await createApiToken(await createOrgWithMember('viewer'), 'logs', { scopes: ['read'] })).token;
});

function captureLogs() {
  lines = [];
  restoreLogs = redirectLogs({ write: (line: string) => lines.push(line) });
}

afterEach(() => {
  restoreLogs?.();
  vi.mocked(findSummary).mockReset();
});

/** Serves `handle` as the production server does (scripts/next-server.mjs) on a loopback port. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  const server: Server = createServer(withRequestContext(handle));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { base, close };
}

/** Hands a Node request to a Web route handler and writes its answer back (what Next does for app routes). */
function routeTo(handler: (request: Request) => Promise<Response>) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') {
        headers.set(name, value);
      }
    }
    const response = await handler(
      new Request(`http://localhost${req.url}`, { method: req.method, headers }),
    );
    res.statusCode = response.status;
    response.headers.forEach((value, name) => {
      res.setHeader(name, value);
    });
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}

test('[logs] a route handler that throws: one error line with the request id, method and path; the 500 quotes the id', async () => {
  vi.mocked(findSummary).mockRejectedValue(new Error('summary exploded'));
  captureLogs();
  const { base, close } = await serve(routeTo(summary));
  try {
    const response = await fetch(`${base}${SUMMARY}`, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'support-ticket.4711' },
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe('support-ticket.4711');
    const body = (await expectContract('get', '/api/v1/summary', response)) as {
      error: { code: string; status: number; message: string; requestId?: string };
    };
    expect(body.error).toEqual({
      code: 'INTERNAL',
      status: 500,
      message: 'Internal error; quote request id support-ticket.4711 when reporting it.',
      requestId: 'support-ticket.4711',
    });
  } finally {
    await close();
  }
  expect(lines).toHaveLength(1);
  const entry = JSON.parse(lines[0] as string);
  expect(entry).toMatchObject({
    level: 'error',
    requestId: 'support-ticket.4711',
    method: 'GET',
    path: SUMMARY,
    // The route definition the handler was made from (defineRoute), as a path template.
    route: 'GET /api/v1/summary',
    status: 500,
    err: { name: 'Error', message: 'summary exploded' },
  });
  expect(entry.msg).toMatch(/summary exploded/);
  expect(entry.err.stack).toContain('summary exploded');
  expect(new Date(entry.time).toISOString()).toBe(entry.time);
  // The bearer token never reaches the log.
  expect(lines[0]).not.toContain(token);
});

test('[logs] without the production server (next dev, tests) the id is made per error and still matches the answer', async () => {
  vi.mocked(findSummary).mockRejectedValue(new RangeError('no context here'));
  captureLogs();
  const response = await summary(
    new Request(`http://localhost${SUMMARY}`, { headers: { authorization: `Bearer ${token}` } }),
  );
  expect(response.status).toBe(500);
  const body = (await response.json()) as { error: { requestId?: string } };
  expect(body.error.requestId).toMatch(UUID);
  expect(lines).toHaveLength(1);
  const entry = JSON.parse(lines[0] as string);
  expect(entry).toMatchObject({
    level: 'error',
    requestId: body.error.requestId,
    err: { name: 'RangeError' },
  });
});

test('[logs] expected errors (401, 400) are answers, not server errors: nothing is logged', async () => {
  captureLogs();
  const unknownToken = { authorization: 'Bearer aif_not-a-real-token' };
  expect((await summary(new Request(`http://localhost${SUMMARY}`, { headers: unknownToken }))).status).toBe(
    401,
  );
  const bad = await summary(
    new Request('http://localhost/api/v1/summary?from=nope', {
      headers: { authorization: `Bearer ${token}` },
    }),
  );
  expect(bad.status).toBe(400);
  expect(lines).toEqual([]);
});

test('[request id] the production wrapper sets X-Request-Id: a well-formed incoming id is kept, others replaced', async () => {
  captureLogs();
  const { base, close } = await serve(async (_req, res) => {
    // Any line written while serving carries the id without being told it.
    logger().info('serving');
    res.end(currentRequestContext()?.requestId ?? 'no context');
  });
  const call = async (incoming?: string) => {
    const response = await fetch(base, {
      headers: incoming === undefined ? {} : { 'x-request-id': incoming },
    });
    return { header: response.headers.get('x-request-id'), seen: await response.text() };
  };
  try {
    const longest = 'a'.repeat(128);
    for (const kept of ['support-ticket.4711', 'A_b-9.z', longest]) {
      expect(await call(kept)).toEqual({ header: kept, seen: kept });
    }
    for (const replaced of [
      undefined,
      '',
      'has space',
      'semi;colon',
      '../etc/passwd',
      `${longest}a`,
      'a,b',
    ]) {
      const { header, seen } = await call(replaced);
      expect(header, `incoming ${JSON.stringify(replaced)}`).toMatch(UUID);
      expect(seen).toBe(header);
    }
    // Fresh ids differ per request.
    expect((await call()).header).not.toBe((await call()).header);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: 'info',
      msg: 'serving',
      requestId: 'support-ticket.4711',
    });
  } finally {
    await close();
  }
});

test('[logs] a database outage (503) is one warn line with the request id; the answer stays the outage envelope', async () => {
  vi.mocked(findSummary).mockRejectedValue(
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
  );
  captureLogs();
  const response = await summary(
    new Request(`http://localhost${SUMMARY}`, { headers: { authorization: `Bearer ${token}` } }),
  );
  expect(response.status).toBe(503);
  const body = (await response.json()) as { error: Record<string, unknown> };
  expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
  expect(body.error.requestId).toBeUndefined();
  expect(lines).toHaveLength(1);
  const entry = JSON.parse(lines[0] as string);
  expect(entry).toMatchObject({ level: 'warn', status: 503, err: { code: 'ECONNREFUSED' } });
  expect(entry.requestId).toMatch(UUID);
});

test('[logs] onRequestError (pages, actions, proxy) in the production server: one error line with the request id, path, method and route, no secrets', async () => {
  captureLogs();
  const digestError = Object.assign(new Error('render failed'), { digest: '12345' });
  const context = {
    routerKind: 'App Router',
    routePath: '/(auth)/invite/[token]',
    routeType: 'render',
    renderSource: 'server-rendering',
    revalidateReason: undefined,
  } as const;
  // Next calls onRequestError while it serves the request, i.e. inside the production server's request context.
  const { base, close } = await serve(async (req, res) => {
    await onRequestError(
      digestError,
      { path: req.url ?? '', method: req.method ?? '', headers: req.headers },
      context,
    );
    res.statusCode = 500;
    res.end();
  });
  try {
    const response = await fetch(`${base}/invite/one-time-secret?from=mail`, {
      headers: {
        authorization: 'Bearer aif_secret',
        cookie: 'session=cookie-secret',
        'x-request-id': 'edge.1',
      },
    });
    expect(response.headers.get('x-request-id')).toBe('edge.1');
  } finally {
    await close();
  }
  expect(lines).toHaveLength(1);
  const entry = JSON.parse(lines[0] as string);
  expect(entry).toMatchObject({
    level: 'error',
    requestId: 'edge.1',
    method: 'GET',
    path: '/invite/[Redacted]?from=mail',
    routePath: '/(auth)/invite/[token]',
    routeType: 'render',
    routerKind: 'App Router',
    err: { name: 'Error', message: 'render failed', digest: '12345' },
  });
  for (const secret of ['one-time-secret', 'aif_secret', 'cookie-secret']) {
    expect(lines[0]).not.toContain(secret);
  }
  // Under next dev (no request context) the line still has a fresh id and the request's method and path.
  captureLogs();
  await onRequestError(
    new Error('dev render failed'),
    { path: '/invite/abc', method: 'POST', headers: {} },
    context,
  );
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0] as string)).toMatchObject({ method: 'POST', path: '/invite/[Redacted]' });
  expect(JSON.parse(lines[0] as string).requestId).toMatch(UUID);
});
