import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { DELETE as deleteUpload } from '@/app/api/v1/uploads/[id]/route';
import { POST as postUpload } from '@/app/api/v1/uploads/route';
import { MAX_FAILED_SIGN_INS_PER_IP } from '@/lib/security/sign-in-lockout';
import { getAuthServer } from '@/lib/server/access/auth-server';
import { acceptInvitation } from '@/lib/server/access/invitation-accept';
import {
  createInvitation,
  findInvitations,
  getInvitationByToken,
  INVITATION_RETENTION_MS,
  INVITATION_TTL_MS,
} from '@/lib/server/access/invitations';
import { removeMember } from '@/lib/server/access/members';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { APP_ORIGIN } from '../support/authz/invoke';
import { make, uniqueCsv } from '../support/authz/makers';
import { addMember, createUser, PASSWORD, setUpAuthzWorld, type TWorld } from '../support/authz/world';
import { enterRequest } from '../support/request-context';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock);

// Issue #7 hardening: CSRF on cookie-authenticated writes, SameSite session cookie, sign-in lockout per source
// IP, expired invitations refused and cleaned up, sessions revoked on privilege change. Real Postgres, real
// Better Auth sessions.

// One trusted proxy in front: its X-Forwarded-For entry is the client address (lib/security/client-ip.ts).
process.env.TRUSTED_PROXY_HOPS = '1';
let world: TWorld;
const NOW = new Date();

beforeAll(async () => {
  world = await setUpAuthzWorld();
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

const uploadsOf = (orgId: string) => getPrisma().upload.count({ where: { orgId } });

function sessionRequest(url: string, method: string, extra: Record<string, string>, body?: string) {
  const headers = { cookie: world.a.members.editor.cookie, 'content-type': 'text/csv', ...extra };
  enterRequest(headers);
  return new Request(new URL(url, APP_ORIGIN), { method, headers, body });
}

describe('CSRF: cookie-authenticated writes must come from our own origin', () => {
  test('POST with a foreign Origin or without Origin is 403 and stores nothing; same-origin is 201', async () => {
    const before = await uploadsOf(world.a.orgId);
    const url = '/api/v1/uploads?fileName=csrf.csv';
    const foreign = await postUpload(
      sessionRequest(url, 'POST', { origin: 'https://evil.example' }, uniqueCsv()),
    );
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.message).toMatch(/Cross-site request refused/);
    const bare = await postUpload(sessionRequest(url, 'POST', {}, uniqueCsv()));
    expect(bare.status).toBe(403);
    const crossSite = await postUpload(
      sessionRequest(url, 'POST', { 'sec-fetch-site': 'cross-site' }, uniqueCsv()),
    );
    expect(crossSite.status).toBe(403);
    expect(await uploadsOf(world.a.orgId)).toBe(before);
    expect((await postUpload(sessionRequest(url, 'POST', { origin: APP_ORIGIN }, uniqueCsv()))).status).toBe(
      201,
    );
    const fetchMetadata = await postUpload(
      sessionRequest(url, 'POST', { 'sec-fetch-site': 'same-origin' }, uniqueCsv()),
    );
    expect(fetchMetadata.status).toBe(201);
  });

  test('DELETE cross-site is refused (the upload stays); bearer tokens need no Origin', async () => {
    const id = await make.upload(world.a);
    const params = { params: Promise.resolve({ id }) };
    const refused = await deleteUpload(
      sessionRequest(`/api/v1/uploads/${id}`, 'DELETE', { origin: 'https://evil.example' }),
      params,
    );
    expect(refused.status).toBe(403);
    expect(await getPrisma().upload.count({ where: { id } })).toBe(1);
    const withToken = new Request(new URL(`/api/v1/uploads/${id}`, APP_ORIGIN), {
      method: 'DELETE',
      headers: { authorization: `Bearer ${world.a.ownerToken}` },
    });
    expect((await deleteUpload(withToken, params)).status).toBe(200);
  });

  test('the session cookie is HttpOnly and SameSite=Lax (not sent on cross-site sub-requests or POSTs)', async () => {
    const { headers } = await getAuthServer().api.signInEmail({
      body: { email: world.a.members.viewer.email, password: PASSWORD },
      headers: new Headers({ 'x-forwarded-for': '198.51.100.77' }),
      returnHeaders: true,
    });
    const cookie = headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/better-auth\.session_token=[^;]+;[^,]*HttpOnly/i);
    expect(cookie).toMatch(/better-auth\.session_token=[^;]+;[^,]*SameSite=Lax/i);
  });
});

describe('sign-in lockout per source IP', () => {
  const from = (ip: string) => new Headers({ 'x-forwarded-for': ip, 'user-agent': 'vitest' });

  test(`${MAX_FAILED_SIGN_INS_PER_IP} failures from one IP over many emails lock that IP (not others), clearly`, async () => {
    const ip = '203.0.113.99';
    for (let i = 0; i < MAX_FAILED_SIGN_INS_PER_IP; i += 1) {
      // A different email each time: the per-email lock (5) never triggers; this is password spraying.
      await expect(
        getAuthServer().api.signInEmail({
          body: { email: `spray-${i}@example.test`, password: 'wrong-password-1' },
          headers: from(ip),
        }),
      ).rejects.toMatchObject({ statusCode: 401 });
    }
    const victim = await createUser('victim');
    // Even the right password of an untouched account is refused from that IP…
    await expect(
      getAuthServer().api.signInEmail({
        body: { email: victim.email, password: PASSWORD },
        headers: from(ip),
      }),
    ).rejects.toMatchObject({
      statusCode: 429,
      message: expect.stringMatching(
        /^Too many failed sign-ins from your network; try again in 15 minutes\.$/,
      ),
    });
    // …and accepted from another IP.
    const ok = await getAuthServer().api.signInEmail({
      body: { email: victim.email, password: PASSWORD },
      headers: from('203.0.113.100'),
    });
    expect(ok.user.email).toBe(victim.email);
    const locked = await getPrisma().signInAttempt.findMany({ where: { ipAddress: ip, outcome: 'locked' } });
    expect(locked).toHaveLength(1);
  });
});

describe('invitations: expired links are refused and cleaned up', () => {
  test('an expired link is refused with a clear message and nothing is created', async () => {
    const owner = world.a.members.owner;
    const issuedAt = new Date(NOW.getTime() - INVITATION_TTL_MS - 60_000);
    const invited = await createInvitation(owner, { email: 'late@example.test', role: 'viewer' }, issuedAt);
    expect(await getInvitationByToken(invited.token, NOW)).toMatchObject({ status: 'expired' });
    const user = await createUser('late');
    await expect(acceptInvitation(invited.token, { existingUserId: user.userId }, NOW)).rejects.toMatchObject(
      {
        code: 'CONFLICT',
        message: 'This invitation was not used in time and has expired; ask for a new link.',
      },
    );
    expect(await getPrisma().membership.count({ where: { userId: user.userId } })).toBe(0);
  });

  test('unused invitations expired for longer than the retention are deleted when the next one is created', async () => {
    const owner = world.a.members.owner;
    const longAgo = new Date(NOW.getTime() - INVITATION_TTL_MS - INVITATION_RETENTION_MS - 60_000);
    const stale = await createInvitation(owner, { email: 'stale@example.test', role: 'viewer' }, longAgo);
    const recent = await createInvitation(
      owner,
      { email: 'recent@example.test', role: 'viewer' },
      new Date(NOW.getTime() - INVITATION_TTL_MS - 60_000),
    );
    await createInvitation(owner, { email: 'fresh@example.test', role: 'viewer' }, NOW);
    const ids = (await findInvitations(world.a, NOW)).map((i) => i.id);
    expect(ids).not.toContain(stale.id);
    expect(ids).toContain(recent.id);
  });
});

describe('session end on removal (per organisation: tests/integration/hardening-17.test.ts)', () => {
  const sessionOf = (cookie: string) => getAuthServer().api.getSession({ headers: new Headers({ cookie }) });

  test('a removal from the only organisation ends the sessions and revokes the member’s tokens there', async () => {
    const member = await addMember(world.a, 'editor');
    const tokenId = await make.token(world.a, member.userId);
    await removeMember({ ...world.a.members.owner }, member.userId, NOW);
    expect(await sessionOf(member.cookie)).toBeNull();
    expect(
      (await getPrisma().apiToken.findUniqueOrThrow({ where: { id: tokenId } })).revokedAt,
    ).not.toBeNull();
  });
});
