import { beforeAll, expect, test } from 'vitest';
import { createApiTokenForMember } from '@/lib/server/access/api-token-cli';
import {
  createApiToken,
  findApiTokens,
  getBearerIdentity,
  hashApiToken,
  revokeApiToken,
} from '@/lib/server/access/api-tokens';
import { getPrisma } from '@/lib/server/db/prisma';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
});

const NOW = new Date('2026-11-29T12:00:00Z');

test('[tokens] a token is stored only as its hash and resolves to its org, user and role', async () => {
  const member = await createOrgWithMember('editor');
  const created = await createApiToken(member, 'ci-runner');
  expect(created.token).toMatch(/^aif_[A-Za-z0-9_-]{43}$/);
  const row = await getPrisma().apiToken.findUniqueOrThrow({ where: { id: created.id } });
  expect(row.tokenHash).toBe(hashApiToken(created.token));
  expect(JSON.stringify(row)).not.toContain(created.token);
  const identity = await getBearerIdentity(created.token, NOW);
  expect(identity).toMatchObject({
    orgId: member.orgId,
    userId: member.userId,
    role: 'editor',
    tokenId: created.id,
  });
  expect((await getPrisma().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(
    NOW,
  );
  const audit = await getPrisma().auditEvent.findMany({
    where: { orgId: member.orgId, action: 'api_token.created' },
  });
  expect(audit).toHaveLength(1);
});

test('[tokens] revoked, expired, unknown and orphaned tokens do not authenticate', async () => {
  const member = await createOrgWithMember('owner');
  const revoked = await createApiToken(member, 'to-revoke');
  await revokeApiToken(member, revoked.id);
  expect(await getBearerIdentity(revoked.token, NOW)).toBeNull();

  const expiring = await createApiToken(member, 'expiring');
  await getPrisma().apiToken.update({ where: { id: expiring.id }, data: { expiresAt: NOW } });
  expect(await getBearerIdentity(expiring.token, NOW)).toBeNull();

  expect(await getBearerIdentity('aif_unknown', NOW)).toBeNull();
  expect(await getBearerIdentity('not-even-our-prefix', NOW)).toBeNull();

  const orphan = await createApiToken(member, 'orphan');
  await getPrisma().membership.deleteMany({ where: { orgId: member.orgId, userId: member.userId } });
  expect(await getBearerIdentity(orphan.token, NOW)).toBeNull();
});

test('[tokens] names are unique per organisation; lists and revocation are organisation-scoped', async () => {
  const a = await createOrgWithMember('owner');
  const b = await createOrgWithMember('owner');
  const tokenA = await createApiToken(a, 'shared-name');
  await createApiToken(b, 'shared-name');
  await expect(createApiToken(a, 'shared-name')).rejects.toThrow(/already exists/);
  expect((await findApiTokens(a)).map((t) => t.name)).toEqual(['shared-name']);
  await expect(revokeApiToken(b, tokenA.id)).rejects.toThrow(/No active token/);
  expect(await getBearerIdentity(tokenA.token, NOW)).not.toBeNull();
});

test('[tokens] the CLI path checks membership and role', async () => {
  const owner = await createOrgWithMember('owner');
  const created = await createApiTokenForMember({ orgSlug: owner.orgSlug, email: owner.email, name: 'cli' });
  expect((await getBearerIdentity(created.token, NOW))?.orgId).toBe(owner.orgId);
  const viewer = await createOrgWithMember('viewer');
  await expect(
    createApiTokenForMember({ orgSlug: viewer.orgSlug, email: viewer.email, name: 'x' }),
  ).rejects.toThrow(/cannot create tokens/);
  await expect(
    createApiTokenForMember({ orgSlug: owner.orgSlug, email: viewer.email, name: 'x' }),
  ).rejects.toThrow(/No member/);
});
