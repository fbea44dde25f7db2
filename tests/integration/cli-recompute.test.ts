import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, test } from 'vitest';
import { userActor } from '@/lib/auth/actor';
import { computeFootprints } from '@/lib/emissions/compute-footprints';
import type { FactorLibrary } from '@/lib/emissions/factor-library-types';
import { type TUsageRecordInput, ZUsageRecordInput } from '@/lib/schemas/usage-record';
import { methodologySettingsFor } from '@/lib/server/access/organizations';
import { getPrisma } from '@/lib/server/db/prisma';
import { getFactorLibrary } from '@/lib/server/factors/factor-library';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { saveBudget } from '@/lib/server/targets/budgets';
import { storeUsageRecords } from '@/lib/server/usage/usage-records';
import { createOrgWithMember } from '../support/org-factory';
import { recentStart } from '../support/targets-fixtures';
import { createTestDatabase } from '../support/test-database';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const meta = { granularity: 'yearly' as const, source: 'test', licence: 'test', datasetVersion: 't-1' };
const period = { periodStart: new Date('2025-01-01T00:00:00Z'), periodEnd: new Date('2026-01-01T00:00:00Z') };
const later = { periodStart: new Date('2026-01-01T00:00:00Z'), periodEnd: new Date('2030-01-01T00:00:00Z') };
const LIBRARY: FactorLibrary = {
  accelerators: [],
  locations: [],
  gridFactors: [
    { id: 'fr-lc', zone: 'FR', ...period, gCo2ePerKwh: 56, basis: 'lifecycle', ...meta },
    { id: 'fr-d', zone: 'FR', ...period, gCo2ePerKwh: 30, basis: 'direct', ...meta },
    { id: 'fr-lc-later', zone: 'FR', ...later, gCo2ePerKwh: 56, basis: 'lifecycle', ...meta },
    { id: 'fr-d-later', zone: 'FR', ...later, gCo2ePerKwh: 30, basis: 'direct', ...meta },
  ],
  residualMixes: [],
  ewif: [],
  providerDefaults: [],
};

async function footprint(...args: string[]) {
  try {
    const { stdout } = await run(
      'npx',
      ['tsx', '--conditions=react-server', 'scripts/footprint.ts', ...args],
      {
        cwd: root,
        env: { ...process.env },
      },
    );
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Computes one record with the organisation's current library and settings and stores it, as an upload does. */
async function storeComputed(
  org: Parameters<typeof methodologySettingsFor>[0] & { id: string },
  record: TUsageRecordInput,
): Promise<void> {
  const [footprint] = computeFootprints(
    [record],
    await getFactorLibrary({ orgId: org.id }),
    methodologySettingsFor(org),
    [],
  );
  await storeUsageRecords(
    { orgId: org.id },
    [{ record, footprint: footprint as NonNullable<typeof footprint> }],
    { computedAt: new Date() },
  );
}

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(LIBRARY, process.env.DATABASE_URL);
});

test('[cli] recompute --org restates the records of that organisation with the given reason', {
  timeout: 120_000,
}, async () => {
  const slug = `cli-${randomUUID().slice(0, 8)}`;
  const org = await getPrisma().organization.create({ data: { name: 'CLI org', slug } });
  const record = ZUsageRecordInput.parse({
    recordId: 'fr-run',
    phase: 'inference',
    startedAt: '2025-06-01',
    endedAt: '2025-06-02',
    region: 'FR',
    energyKwh: 100,
    pue: 1,
  });
  await storeComputed(org, record);
  // A basis change written behind the app's back: only a recompute brings the stored results in line.
  await getPrisma().organization.update({ where: { id: org.id }, data: { defaultBasis: 'direct' } });

  const result = await footprint('recompute', '--org', slug, '--reason', 'Quarter close check');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`${slug}: 1 record(s) recomputed, 1 changed`);
  const stored = await getPrisma().usageRecord.findFirstOrThrow({ where: { orgId: org.id } });
  expect(stored.locationKgCo2e).toBeCloseTo(3, 9);
  const entries = await getPrisma().restatementEntry.findMany({ where: { orgId: org.id } });
  expect(entries.find((e) => e.field === 'locationKgCo2e')).toMatchObject({
    oldValue: '5.6',
    newValue: '3',
    reason: 'Quarter close check',
  });

  const audit = await getPrisma().auditEvent.findFirstOrThrow({ where: { orgId: org.id } });
  expect(audit).toMatchObject({ action: 'records.recomputed', actorUserId: null });
  expect(audit.metadata).toMatchObject({ reason: 'Quarter close check', records: 1, changedRecords: 1 });
  expect((await footprint('recompute', '--org', 'no-such-org')).code).toBe(1);
  expect((await footprint('recompute')).code).toBe(2);
});

test('[cli] recompute evaluates budget alerts when recomputed figures cross a threshold', {
  timeout: 120_000,
}, async () => {
  const owner = await createOrgWithMember('owner');
  const slug = owner.orgSlug;
  const org = await getPrisma().organization.update({
    where: { id: owner.orgId },
    data: { defaultBasis: 'direct' },
  });
  const startedAt = recentStart();
  const record = ZUsageRecordInput.parse({
    recordId: 'fr-now',
    phase: 'inference',
    startedAt: startedAt.toISOString(),
    endedAt: new Date(startedAt.getTime() + 60_000).toISOString(),
    team: 'research',
    region: 'FR',
    energyKwh: 100,
    pue: 1,
  });
  await storeComputed(org, record);
  // 100 kWh × 30 g/kWh (direct) = 3 kg against a 4 kg budget (75 %): no alert yet.
  const team = await getPrisma().team.findFirstOrThrow({ where: { orgId: org.id, slug: 'research' } });
  await saveBudget(
    { orgId: org.id, actor: userActor(owner.userId), role: 'owner' },
    { id: null, teamId: team.id, periodKind: 'quarter', basis: 'location', amountKgCo2e: 4 },
  );
  // Lifecycle basis set behind the app's back: the recompute makes it 5.6 kg (140 %), both thresholds.
  await getPrisma().organization.update({ where: { id: org.id }, data: { defaultBasis: 'lifecycle' } });
  const result = await footprint('recompute', '--org', slug);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('1 changed');
  expect(result.stdout).toContain('2 new budget alert(s)');
  const alerts = await getPrisma().budgetAlert.findMany({
    where: { orgId: org.id },
    orderBy: { thresholdPct: 'asc' },
  });
  expect(alerts.map((a) => [a.thresholdPct, a.actualKgCo2e])).toEqual([
    [80, expect.closeTo(5.6, 9)],
    [100, expect.closeTo(5.6, 9)],
  ]);
});
