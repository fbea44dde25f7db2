import { NextRequest } from 'next/server';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { acceptInvitationAction } from '@/app/(auth)/invite/[token]/actions';
import InvitationPage from '@/app/(auth)/invite/[token]/page';
import { signInAction } from '@/app/(auth)/sign-in/actions';
import { GET as exportAudit } from '@/app/(dashboard)/audit/export/route';
import { GET as exportRecords } from '@/app/(dashboard)/records/export/route';
import { revokeApiTokenAction } from '@/app/(dashboard)/settings/tokens/actions';
import { deleteBudgetAction, deleteTargetAction, saveTargetAction } from '@/app/(dashboard)/targets/actions';
import { toSignedValue } from '@/lib/security/signed-value';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { ACTIVE_ORG_COOKIE, requireActionAuth } from '@/lib/server/access/auth-context';
import { getAuthServer } from '@/lib/server/access/auth-server';
import { changeMemberRole, removeMember } from '@/lib/server/access/members';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { proxy } from '@/proxy';
import { formData } from '../support/authz/action-cases';
import { APP_ORIGIN } from '../support/authz/invoke';
import { make, targetForm } from '../support/authz/makers';
import {
  addMember,
  createUser,
  PASSWORD,
  setUpAuthzWorld,
  signInCookie,
  type TWorld,
} from '../support/authz/world';
import { RedirectSignal, withRequest } from '../support/request-context';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('../support/request-context')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('../support/request-context')).nextCacheMock);

// Issue #17 item 12 (hardening): server actions without Origin, refused actions as error states, per-organisation
// session end on removal, bearer tokens on the CSV exports, the invitation page not telling whether an account
// exists, and the password policy. Real Postgres, real Better Auth sessions.

let world: TWorld;
const IDLE = { ok: false };

beforeAll(async () => {
  world = await setUpAuthzWorld();
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

const sessionHeaders = (cookie: string, extra: Record<string, string> = {}) => ({
  cookie,
  'x-forwarded-for': '198.51.100.40',
  ...extra,
});

describe('a. server actions need a same-origin request', () => {
  const targetsOf = (orgId: string) => getPrisma().carbonTarget.count({ where: { orgId } });

  test('without Origin (and without Sec-Fetch-Site) or with a foreign Origin the action is refused; nothing saved', async () => {
    const owner = world.a.members.owner;
    const before = await targetsOf(owner.orgId);
    for (const extra of [
      {},
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ] as Record<string, string>[]) {
      const state = await withRequest(sessionHeaders(owner.cookie, extra), () =>
        saveTargetAction(IDLE, formData(targetForm())),
      );
      expect(state.ok).toBe(false);
      expect(state.message).toMatch(/^Cross-site request refused: /);
    }
    expect(await targetsOf(owner.orgId)).toBe(before);
  });

  test('with the app’s Origin, or Sec-Fetch-Site: same-origin from the browser, the action runs', async () => {
    const owner = world.a.members.owner;
    const before = await targetsOf(owner.orgId);
    for (const extra of [{ origin: APP_ORIGIN }, { 'sec-fetch-site': 'same-origin' }] as Record<
      string,
      string
    >[]) {
      const state = await withRequest(sessionHeaders(owner.cookie, extra), () =>
        saveTargetAction(IDLE, formData(targetForm())),
      );
      expect(state).toMatchObject({ ok: true });
    }
    expect(await targetsOf(owner.orgId)).toBe(before + 2);
  });

  test('public actions too (issue #18): a sign-in posted from another site is refused and creates no session', async () => {
    const viewer = world.a.members.viewer;
    const sessionsOf = () => getPrisma().session.count({ where: { userId: viewer.userId } });
    const signIn = (extra: Record<string, string>) =>
      withRequest({ 'x-forwarded-for': '198.51.100.44', ...extra }, () =>
        signInAction(IDLE, formData({ email: viewer.email, password: PASSWORD })),
      );
    const before = await sessionsOf();
    for (const extra of [{}, { origin: 'https://evil.example' }] as Record<string, string>[]) {
      const state = await signIn(extra);
      expect(state.ok).toBe(false);
      expect(state.message).toMatch(/^Cross-site request refused: /);
    }
    expect(await sessionsOf()).toBe(before);
    // Login CSRF is what is refused; from the app's own page the same sign-in succeeds (redirect to the dashboard).
    await expect(signIn({ origin: APP_ORIGIN })).rejects.toBeInstanceOf(RedirectSignal);
    expect(await sessionsOf()).toBe(before + 1);
  });
});

describe('g. refused delete/revoke actions answer an error state, not a thrown error', () => {
  const call = <T>(cookie: string, fn: () => Promise<T>) =>
    withRequest(sessionHeaders(cookie, { origin: APP_ORIGIN }), fn);

  test('delete budget: a viewer gets the role message, an owner with another organisation’s id gets “not found”', async () => {
    const own = await make.budget(world.a);
    const foreign = await make.budget(world.b);
    const viewer = await call(world.a.members.viewer.cookie, () =>
      deleteBudgetAction(IDLE, formData({ id: own })),
    );
    expect(viewer).toEqual({ ok: false, message: 'Your role (viewer) does not allow this.' });
    const other = await call(world.a.members.owner.cookie, () =>
      deleteBudgetAction(IDLE, formData({ id: foreign })),
    );
    expect(other).toEqual({ ok: false, message: 'Budget not found.' });
    expect(await getPrisma().carbonBudget.count({ where: { id: { in: [own, foreign] } } })).toBe(2);
    const allowed = await call(world.a.members.owner.cookie, () =>
      deleteBudgetAction(IDLE, formData({ id: own })),
    );
    expect(allowed).toMatchObject({ ok: true });
    expect(await getPrisma().carbonBudget.count({ where: { id: own } })).toBe(0);
  });

  test('delete target: an editor gets the role message, another organisation’s id is “not found”', async () => {
    const own = await make.target(world.a);
    const foreign = await make.target(world.b);
    expect(
      await call(world.a.members.editor.cookie, () => deleteTargetAction(IDLE, formData({ id: own }))),
    ).toEqual({ ok: false, message: 'Your role (editor) does not allow this.' });
    expect(
      await call(world.a.members.owner.cookie, () => deleteTargetAction(IDLE, formData({ id: foreign }))),
    ).toEqual({ ok: false, message: 'Target not found.' });
    expect(await getPrisma().carbonTarget.count({ where: { id: { in: [own, foreign] } } })).toBe(2);
  });

  test('revoke token: an auditor gets the role message, another organisation’s token is “not found”', async () => {
    const own = await make.token(world.a, world.a.members.owner.userId);
    const foreign = await make.token(world.b, world.b.members.owner.userId);
    expect(
      await call(world.a.members.auditor.cookie, () =>
        revokeApiTokenAction(IDLE, formData({ tokenId: own })),
      ),
    ).toEqual({ ok: false, message: 'Your role (auditor) does not allow this.' });
    expect(
      await call(world.a.members.owner.cookie, () =>
        revokeApiTokenAction(IDLE, formData({ tokenId: foreign })),
      ),
    ).toEqual({ ok: false, message: 'No active token with that id in this organisation.' });
    const revoked = await getPrisma().apiToken.count({
      where: { id: { in: [own, foreign] }, revokedAt: null },
    });
    expect(revoked).toBe(2);
  });
});

describe('i. leaving one organisation keeps the sessions of the others', () => {
  const sessionOf = (cookie: string) => getAuthServer().api.getSession({ headers: new Headers({ cookie }) });
  const activeCookie = (orgId: string) =>
    `${ACTIVE_ORG_COOKIE}=${encodeURIComponent(toSignedValue(orgId, process.env.BETTER_AUTH_SECRET ?? ''))}`;
  const contextWith = (cookie: string) =>
    withRequest(sessionHeaders(cookie, { origin: APP_ORIGIN }), () => requireActionAuth('read'));

  test('removed from A: the session stays valid and lands in B; A is no longer reachable', async () => {
    const member = await addMember(world.a, 'editor');
    await getPrisma().membership.create({
      data: { orgId: world.b.orgId, userId: member.userId, role: 'viewer' },
    });
    const onA = `${member.cookie}; ${activeCookie(world.a.orgId)}`;
    expect((await contextWith(onA)).orgId).toBe(world.a.orgId);
    await removeMember({ ...world.a.members.owner }, member.userId, new Date());
    expect(await sessionOf(member.cookie)).not.toBeNull();
    const after = await contextWith(onA);
    expect(after.orgId).toBe(world.b.orgId);
    expect(after.role).toBe('viewer');
    expect(after.memberships.map((m) => m.orgId)).toEqual([world.b.orgId]);
  });

  test('role changed in A: sessions stay, the new role applies in A at once and B is unchanged', async () => {
    const member = await addMember(world.a, 'editor');
    await getPrisma().membership.create({
      data: { orgId: world.b.orgId, userId: member.userId, role: 'admin' },
    });
    const second = await signInCookie(member.email);
    await changeMemberRole({ ...world.a.members.admin }, member.userId, 'viewer');
    expect(await sessionOf(member.cookie)).not.toBeNull();
    expect(await sessionOf(second)).not.toBeNull();
    expect(await contextWith(`${member.cookie}; ${activeCookie(world.a.orgId)}`)).toMatchObject({
      orgId: world.a.orgId,
      role: 'viewer',
    });
    expect(await contextWith(`${second}; ${activeCookie(world.b.orgId)}`)).toMatchObject({
      orgId: world.b.orgId,
      role: 'admin',
    });
  });

  test('removed from the only organisation: every session ends', async () => {
    const member = await addMember(world.a, 'viewer');
    await removeMember({ ...world.a.members.owner }, member.userId, new Date());
    expect(await sessionOf(member.cookie)).toBeNull();
  });
});

describe('j. tokens reach /records/export and /audit/export', () => {
  const bearer = (token: string) => ({
    authorization: `Bearer ${token}`,
    'x-forwarded-for': '198.51.100.41',
  });
  const get = (handler: (r: Request) => Promise<Response>, path: string, token: string) =>
    handler(new Request(new URL(path, APP_ORIGIN), { headers: bearer(token) }));

  test('the proxy lets bearer requests through to the exports (and still sends cookie-less pages to sign-in)', () => {
    for (const path of ['/records/export', '/audit/export']) {
      const passed = proxy(new NextRequest(new URL(path, APP_ORIGIN), { headers: bearer('aif_x') }));
      expect(passed.headers.get('location')).toBeNull();
      expect(passed.headers.get('x-middleware-next')).toBe('1');
      const redirected = proxy(new NextRequest(new URL(path, APP_ORIGIN)));
      // Sent to sign-in with the page it asked for, to come back to after signing in (same-origin path only).
      expect(redirected.headers.get('location')).toBe(
        `${APP_ORIGIN}/sign-in?next=${encodeURIComponent(path)}`,
      );
    }
    const page = proxy(new NextRequest(new URL('/records', APP_ORIGIN), { headers: bearer('aif_x') }));
    expect(page.headers.get('location')).toBe(`${APP_ORIGIN}/sign-in?next=%2Frecords`);
  });

  test('records export: a read token gets the CSV with rate-limit headers; a token without read is 403', async () => {
    const viewer = world.a.members.viewer;
    const read = (await createApiToken(viewer, 'export-read', { scopes: ['read'] })).token;
    const ok = await get(exportRecords, '/records/export', read);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(ok.headers.get('ratelimit-limit')).not.toBeNull();
    expect((await ok.text()).split('\n')[0]).toContain('id');
    const writeOnly = (
      await createApiToken(world.a.members.editor, 'export-write', { scopes: ['write:usage'] })
    ).token;
    const refused = await get(exportRecords, '/records/export', writeOnly);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('lacks the \\"read\\" scope');
  });

  test('audit export: an auditor’s read token gets the CSV; an editor’s read token and a scope-less token are 403', async () => {
    const auditor = (await createApiToken(world.a.members.auditor, 'audit-read', { scopes: ['read'] })).token;
    const ok = await get(exportAudit, '/audit/export', auditor);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(ok.headers.get('ratelimit-limit')).not.toBeNull();
    const editor = (await createApiToken(world.a.members.editor, 'audit-editor', { scopes: ['read'] })).token;
    expect((await get(exportAudit, '/audit/export', editor)).status).toBe(403);
    const ownerReports = (
      await createApiToken(world.a.members.owner, 'audit-reports', { scopes: ['reports'] })
    ).token;
    expect((await get(exportAudit, '/audit/export', ownerReports)).status).toBe(403);
  });
});

describe('c. the invitation page does not tell whether an account exists', () => {
  async function renderInvitation(token: string): Promise<string> {
    const element = await InvitationPage({ params: Promise.resolve({ token }) });
    return renderToStaticMarkup(createElement(() => element));
  }

  test('the page for an existing account and for a new email is the same form', async () => {
    const existing = await createUser('invited-existing');
    const newEmail = `nobody-${Date.now()}@example.test`;
    const forExisting = await make.invitation(world.a, existing.email);
    const forNew = await make.invitation(world.a, newEmail);
    const a = (await renderInvitation(forExisting.token))
      .replaceAll(existing.email, 'EMAIL')
      .replaceAll(forExisting.token, 'TOKEN');
    const b = (await renderInvitation(forNew.token))
      .replaceAll(newEmail, 'EMAIL')
      .replaceAll(forNew.token, 'TOKEN');
    expect(a).toContain('You are invited to');
    expect(a).toBe(b);
  });

  test('one action: an existing account joins with its password, a new email gets an account', async () => {
    const existing = await createUser('invited-join');
    const forExisting = await make.invitation(world.a, existing.email);
    const call = (fields: Record<string, string>) =>
      withRequest({ 'x-forwarded-for': '198.51.100.42', origin: APP_ORIGIN }, () =>
        acceptInvitationAction(IDLE, formData(fields)),
      );
    const wrong = await call({
      token: forExisting.token,
      name: '',
      password: 'not-the-password-1',
      confirmPassword: 'not-the-password-1',
    });
    expect(wrong).toEqual({ ok: false, message: 'The password is incorrect.' });
    await expect(
      call({ token: forExisting.token, name: '', password: PASSWORD, confirmPassword: PASSWORD }),
    ).rejects.toBeInstanceOf(RedirectSignal);
    expect(
      await getPrisma().membership.count({ where: { userId: existing.userId, orgId: world.a.orgId } }),
    ).toBe(1);

    const newEmail = `joiner-${Date.now()}@example.test`;
    const forNew = await make.invitation(world.a, newEmail);
    const password = 'quiet-harbour-lantern-7';
    await expect(
      call({ token: forNew.token, name: 'Joiner', password, confirmPassword: password }),
    ).rejects.toBeInstanceOf(RedirectSignal);
    const user = await getPrisma().user.findUniqueOrThrow({ where: { email: newEmail } });
    expect(user.name).toBe('Joiner');
  });
});

describe('b. weak passwords are refused wherever a password is set', () => {
  const acceptAsNew = async (password: string) => {
    const email = `weak-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.test`;
    const { token } = await make.invitation(world.a, email);
    const state = await withRequest({ 'x-forwarded-for': '198.51.100.43', origin: APP_ORIGIN }, () =>
      acceptInvitationAction(IDLE, formData({ token, name: 'Weak', password, confirmPassword: password })),
    );
    return { state, email, created: await getPrisma().user.count({ where: { email } }) };
  };

  test('invitation acceptance refuses a repeated character, a common password and the email; nothing created', async () => {
    const repeated = await acceptAsNew('aaaaaaaaaa');
    expect(repeated.state.ok).toBe(false);
    expect(repeated.state.fieldErrors?.password?.[0]).toMatch(/one character repeated/);
    expect(repeated.created).toBe(0);

    const common = await acceptAsNew('password123');
    expect(common.state.fieldErrors?.password?.[0]).toMatch(/common/);
    expect(common.created).toBe(0);

    const email = `mirror-${Date.now()}@example.test`;
    const { token } = await make.invitation(world.a, email);
    const same = await withRequest({ 'x-forwarded-for': '198.51.100.43', origin: APP_ORIGIN }, () =>
      acceptInvitationAction(
        IDLE,
        formData({ token, name: 'Mirror', password: email, confirmPassword: email }),
      ),
    );
    expect(same.fieldErrors?.password?.[0]).toMatch(/email/);
    expect(await getPrisma().user.count({ where: { email } })).toBe(0);
  });

  test('Better Auth’s change-password refuses a weak new password and keeps the old one', async () => {
    const member = await addMember(world.a, 'viewer');
    const localPart = member.email.split('@')[0] ?? '';
    const change = (newPassword: string) =>
      getAuthServer().api.changePassword({
        body: { currentPassword: PASSWORD, newPassword },
        headers: new Headers({ cookie: member.cookie, origin: APP_ORIGIN }),
      });
    await expect(change('aaaaaaaaaaaa')).rejects.toMatchObject({ body: { code: 'WEAK_PASSWORD' } });
    await expect(change(`${localPart}-2026`)).rejects.toMatchObject({ body: { code: 'WEAK_PASSWORD' } });
    expect(await signInCookie(member.email)).toMatch(/session_token=/);
    await expect(change('quiet-harbour-lantern-7')).resolves.toBeTruthy();
  });
});
