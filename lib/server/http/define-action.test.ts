import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { ZDeleteByIdInput } from '@/lib/schemas/targets';
import { RedirectSignal, withRequest } from '@/tests/support/request-context';
import { FieldErrors } from './action-result';
import { defineAction, isDefinedAction } from './define-action';
import { redirectLogs } from './logger';

// Issue #18: every server action goes through defineAction, in one order (authenticate, CSRF, role → parse →
// handler → one result contract). The session and memberships are stubbed; the role check, the CSRF check and the
// error mapping are the real ones.

vi.mock('next/headers', async () => (await import('@/tests/support/request-context')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('@/tests/support/request-context')).nextNavigationMock);
vi.mock('@/lib/env', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/env')>()),
  getEnv: () => ({
    DATABASE_URL: 'postgres://unused/unused',
    BETTER_AUTH_SECRET: 'a-test-secret-of-at-least-32-characters',
    BETTER_AUTH_URL: APP_ORIGIN,
    NODE_ENV: 'test',
  }),
}));
const session = vi.hoisted(() => ({
  current: null as null | { user: { id: string; email: string; name: string } },
  role: 'viewer' as string,
  alertsScheduled: [] as { orgId: string }[],
}));
vi.mock('@/lib/server/access/auth-server', () => ({
  getAuthServer: () => ({ api: { getSession: async () => session.current } }),
}));
vi.mock('@/lib/server/access/memberships', () => ({
  findMembershipsForUser: async () => [
    { orgId: 'org-1', orgSlug: 'acme', orgName: 'Acme', role: session.role },
  ],
}));
vi.mock('@/lib/server/targets/pending-budget-alerts', () => ({
  evaluateBudgetAlertsAfterResponse: (ctx: { orgId: string }) => session.alertsScheduled.push(ctx),
}));

const APP_ORIGIN = 'http://localhost:3000';
const SAME_SITE = { origin: APP_ORIGIN, host: 'localhost:3000' };
const A_UUID = '7d444840-9dc0-11d1-b245-5ffdce74fad2';

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    data.append(name, value);
  }
  return data;
}

/** Lines the server logger writes during a test, parsed. */
function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const restore = redirectLogs({ write: (line: string) => lines.push(JSON.parse(line)) });
  return { lines, restore };
}

let logs: ReturnType<typeof captureLogs>;
beforeEach(() => {
  session.current = { user: { id: 'user-1', email: 'ada@example.test', name: 'Ada' } };
  session.role = 'viewer';
  session.alertsScheduled = [];
  logs = captureLogs();
});
afterEach(() => logs.restore());

describe('defineAction', () => {
  test('a role without the permission gets FORBIDDEN and the handler never runs', async () => {
    const handler = vi.fn(async () => ({ message: 'deleted' }));
    const action = defineAction({ permission: 'manageOrganization', input: ZDeleteByIdInput }, handler);
    const state = await withRequest(SAME_SITE, () => action({ ok: false }, formData({ id: A_UUID })));
    // lib/auth/roles.ts: manageOrganization is owner and admin only.
    expect(state).toEqual({ ok: false, message: 'Your role (viewer) does not allow this.' });
    expect(handler).not.toHaveBeenCalled();
    expect(session.alertsScheduled).toEqual([]);
  });

  test('invalid input answers field errors and the handler never runs', async () => {
    session.role = 'admin';
    const handler = vi.fn(async () => undefined);
    const action = defineAction({ permission: 'manageOrganization', input: ZDeleteByIdInput }, handler);
    const state = await withRequest(SAME_SITE, () => action({ ok: false }, formData({ id: 'not-a-uuid' })));
    expect(state.ok).toBe(false);
    expect(state.message).toBe('Check the highlighted fields.');
    expect(Object.keys(state.fieldErrors ?? {})).toEqual(['id']);
    expect(state.fieldErrors?.id).toHaveLength(1);
    expect(handler).not.toHaveBeenCalled();
  });

  test('authentication comes before parsing: no session and invalid input says the session ended', async () => {
    session.current = null;
    const handler = vi.fn(async () => undefined);
    const action = defineAction({ permission: 'read', input: ZDeleteByIdInput }, handler);
    const state = await withRequest(SAME_SITE, () => action(formData({ id: 'x' })));
    expect(state).toEqual({ ok: false, message: 'Your session has ended; sign in again.' });
    expect(handler).not.toHaveBeenCalled();
  });

  test('a cross-site call is refused before anything else, for signed-in and public actions alike', async () => {
    session.role = 'owner';
    const handler = vi.fn(async () => undefined);
    for (const permission of ['manageOrganization', 'public'] as const) {
      const action = defineAction({ permission, input: ZDeleteByIdInput }, handler);
      const state = await withRequest({ origin: 'https://evil.example', host: 'localhost:3000' }, () =>
        action(formData({ id: A_UUID })),
      );
      expect(state.ok).toBe(false);
      expect(state.message).toMatch(/^Cross-site request refused: origin https:\/\/evil\.example/);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  test('success: the handler gets the caller and the parsed input; message and data are answered with ok', async () => {
    session.role = 'admin';
    const action = defineAction(
      { permission: 'manageOrganization', input: ZDeleteByIdInput },
      async ({ ctx, input }) => ({
        message: `deleted ${input.id}`,
        data: { orgId: ctx.orgId, role: ctx.role },
      }),
    );
    const state = await withRequest(SAME_SITE, () => action({ ok: false }, formData({ id: A_UUID })));
    expect(state).toEqual({
      ok: true,
      message: `deleted ${A_UUID}`,
      data: { orgId: 'org-1', role: 'admin' },
    });
    // Actions are writes: budget alerts are scheduled after the response, once, for the caller's organisation.
    expect(session.alertsScheduled).toEqual([expect.objectContaining({ orgId: 'org-1' })]);
  });

  test('a plain value (client call) is parsed like a form; a public action gets no caller', async () => {
    session.current = null;
    const action = defineAction(
      { permission: 'public', input: ZDeleteByIdInput },
      async ({ ctx, input }) => ({
        data: { ctx, id: input.id },
      }),
    );
    const state = await withRequest(SAME_SITE, () => action({ id: A_UUID }));
    expect(state).toEqual({ ok: true, data: { ctx: null, id: A_UUID } });
  });

  test('an AppError is an answer (its message, nothing logged); FieldErrors become field errors', async () => {
    const refused = defineAction({ permission: 'read' }, async () => {
      throw new AppError('NOT_FOUND', 'No such target.');
    });
    expect(await withRequest(SAME_SITE, () => refused(new FormData()))).toEqual({
      ok: false,
      message: 'No such target.',
    });
    const weak = defineAction({ permission: 'public' }, async () => {
      throw new FieldErrors({ password: ['Too short.'] });
    });
    expect(await withRequest(SAME_SITE, () => weak(new FormData()))).toEqual({
      ok: false,
      message: 'Check the highlighted fields.',
      fieldErrors: { password: ['Too short.'] },
    });
    expect(logs.lines).toEqual([]);
  });

  test('an unexpected error: a generic message quoting the request id, and exactly one error line with that id', async () => {
    const action = defineAction({ permission: 'read' }, async () => {
      throw new TypeError('plan exploded: secret internals');
    });
    const state = await withRequest(SAME_SITE, () => action(new FormData()));
    expect(state.ok).toBe(false);
    expect(state.message).not.toContain('secret internals');
    const reference = /\(reference ([0-9a-f-]{36})\)/.exec(state.message ?? '')?.[1];
    expect(reference).toBeDefined();
    expect(logs.lines).toHaveLength(1);
    expect(logs.lines[0]).toMatchObject({
      level: 'error',
      requestId: reference,
      err: { name: 'TypeError', message: 'plan exploded: secret internals' },
    });
    expect(logs.lines[0]?.msg).toBe('server action failed: plan exploded: secret internals');
  });

  test('a database outage answers like the 503 of a route (retry in 5 s), logged once at warn, not as a bug', async () => {
    const action = defineAction({ permission: 'read' }, async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    const state = await withRequest(SAME_SITE, () => action(new FormData()));
    expect(state).toEqual({ ok: false, message: 'The database is unavailable; retry in 5 s.' });
    expect(logs.lines).toHaveLength(1);
    expect(logs.lines[0]).toMatchObject({ level: 'warn' });
  });

  test('redirect() passes through (not mapped, not logged) so a handler can redirect after a success', async () => {
    const { redirect } = await import('next/navigation');
    const action = defineAction({ permission: 'read' }, async () => redirect('/settings/organization'));
    const outcome = withRequest(SAME_SITE, () => action(new FormData()));
    await expect(outcome).rejects.toBeInstanceOf(RedirectSignal);
    await expect(outcome).rejects.toMatchObject({ url: '/settings/organization' });
    expect(logs.lines).toEqual([]);
  });

  test('what it makes is branded; a hand-written async function is not', () => {
    expect(isDefinedAction(defineAction({ permission: 'read' }, async () => undefined))).toBe(true);
    expect(isDefinedAction(async () => ({ ok: true }))).toBe(false);
    expect(isDefinedAction(undefined)).toBe(false);
  });
});
