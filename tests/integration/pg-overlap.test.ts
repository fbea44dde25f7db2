import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { changeMemberRole, removeMember } from '@/lib/server/access/members';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { recomputeOrganization } from '@/lib/server/usage/recompute';
import { createOrgWithMember } from '../support/org-factory';
import { guardPgOverlaps, type TPgOverlapGuard } from '../support/pg-overlap-guard';
import { createTestDatabase } from '../support/test-database';

// Regression: member changes ran a Promise.all of three queries over one interactive transaction, and pg printed
// "Calling client.query() when the client is already executing a query is deprecated" (seen in the e2e server
// log during the members spec). Transactions must run their queries one after the other.

const NOW = new Date('2026-11-29T12:00:00Z');
let guard: TPgOverlapGuard;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  guard = guardPgOverlaps(() => expect.getState().currentTestName ?? 'setup');
});

beforeEach(() => {
  guard.overlaps.length = 0;
});

afterAll(async () => {
  guard.stop();
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('no overlapping queries on one transaction client', () => {
  test('member role change and removal (row-locked checks)', async () => {
    const owner = await createOrgWithMember('owner');
    const other = await createOrgWithMember('viewer');
    await getPrisma().membership.create({
      data: { orgId: owner.orgId, userId: other.userId, role: 'viewer' },
    });
    await changeMemberRole(owner, other.userId, 'editor');
    await removeMember(owner, other.userId, NOW);
    expect(await getPrisma().membership.count({ where: { orgId: owner.orgId } })).toBe(1);
    expect(guard.overlaps).toEqual([]);
  });

  test('recompute inside its transaction (library, contracts, records)', async () => {
    const owner = await createOrgWithMember('owner');
    const result = await recomputeOrganization(owner, { reason: 'overlap check', now: NOW });
    expect(result).toEqual({ records: 0, changedRecords: 0, restatements: 0 });
    expect(guard.overlaps).toEqual([]);
  });
});
