import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { defineRoute, ROUTE_DEFINITION } from './define-route';
import { redirectLogs } from './logger';
import { routeContract } from './routes/route-contract';

// The wrapper without a database: public routes with no rate limit, so only parsing, the handler call and the
// one error mapper run (authentication and rate limits are covered by tests/integration/route-wrapper-order.test.ts).

const ITEM = routeContract({
  method: 'POST',
  path: '/things/{id}',
  summary: 'A thing',
  description: 'Test route',
  auth: { kind: 'public' },
  rateLimit: 'none',
  params: z.object({ id: z.uuid() }),
  query: z.object({ limit: z.coerce.number().int().min(1).max(10).default(5) }),
  body: {
    kind: 'json',
    schema: z.object({ name: z.string().min(1) }),
    component: 'CodecarbonProjectCreate',
    description: 'A name',
  },
  openapi: false,
  responses: { '200': { description: 'Echo' } },
});

const ID = '3f1c2a8e-9b4d-4c6e-8f0a-1b2c3d4e5f60';
const segments = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (path: string, body: string) =>
  new Request(`http://localhost${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });

let lines: string[] = [];
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

const echo = defineRoute(ITEM, ({ ctx, params, query, body }) => Response.json({ ctx, params, query, body }));

describe('defineRoute', () => {
  test('brands the handler with its definition', () => {
    expect(echo[ROUTE_DEFINITION]).toBe(ITEM);
  });

  test('hands the handler parsed, typed params, query (defaults applied) and body', async () => {
    const response = await echo(post(`/things/${ID}?limit=3`, '{"name":"a"}'), segments(ID));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ctx: null,
      params: { id: ID },
      query: { limit: 3 },
      body: { name: 'a' },
    });
    const defaults = await echo(post(`/things/${ID}`, '{"name":"b"}'), segments(ID));
    expect(((await defaults.json()) as { query: unknown }).query).toEqual({ limit: 5 });
  });

  test('an id that is not a UUID names nothing: 404 in the error envelope', async () => {
    const response = await echo(post('/things/42?limit=3', '{"name":"a"}'), segments('42'));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  test('an invalid query is a 400 naming the field; an invalid body a 422 with field paths', async () => {
    const query = await echo(post(`/things/${ID}?limit=11`, '{"name":"a"}'), segments(ID));
    expect(query.status).toBe(400);
    const queryError = ((await query.json()) as { error: { code: string; details: { field: string }[] } })
      .error;
    expect(queryError.code).toBe('INVALID_INPUT');
    expect(queryError.details.map((d) => d.field)).toEqual(['limit']);

    const body = await echo(post(`/things/${ID}`, '{"name":""}'), segments(ID));
    expect(body.status).toBe(422);
    expect(((await body.json()) as { error: { details: { field: string }[] } }).error.details).toEqual([
      { field: 'name', message: expect.any(String) },
    ]);
    expect((await echo(post(`/things/${ID}`, 'not json'), segments(ID))).status).toBe(422);
  });

  test('a thrown AppError is its status; anything else one logged 500 that quotes the request id', async () => {
    const conflict = defineRoute(ITEM, () => {
      throw new AppError('CONFLICT', 'Already there.');
    });
    const answer = await conflict(post(`/things/${ID}`, '{"name":"a"}'), segments(ID));
    expect(answer.status).toBe(409);

    lines = [];
    restore = redirectLogs({ write: (line: string) => lines.push(line) });
    const broken = defineRoute(ITEM, () => {
      throw new TypeError('boom');
    });
    const response = await broken(post(`/things/${ID}`, '{"name":"a"}'), segments(ID));
    expect(response.status).toBe(500);
    const { error } = (await response.json()) as { error: { code: string; requestId: string } };
    expect(error.code).toBe('INTERNAL');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: 'error',
      requestId: error.requestId,
      route: 'POST /things/{id}',
      status: 500,
      err: { name: 'TypeError', message: 'boom' },
    });
  });
});
