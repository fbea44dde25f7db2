import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { userActor } from '@/lib/auth/actor';
import { computeFootprints } from '@/lib/emissions/compute-footprints';
import { DEFAULT_METHODOLOGY_SETTINGS } from '@/lib/emissions/methodology-settings';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { getPrisma } from '@/lib/server/db/prisma';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { approveReportVersion, reviewReportVersion } from '@/lib/server/reports/report-sign-off';
import { freezeReport, getReportVersion, listReportVersions } from '@/lib/server/reports/report-versions';
import { storeUsageRecords } from '@/lib/server/usage/usage-records';
import { createTestDatabase } from '../support/test-database';

let orgId: string;
const library = loadBundledFactorLibrary();
const userId = 'user-editor';
const editor = () => ({ orgId, actor: userActor(userId), role: 'editor' as const });
const admin = () => ({ orgId, actor: userActor('user-admin'), role: 'admin' as const });
const auditor = () => ({ orgId, actor: userActor('user-auditor'), role: 'auditor' as const });

function record(intensity: number): TUsageRecordInput {
  return {
    recordId: 'run-1',
    phase: 'training',
    startedAt: new Date('2026-08-01T00:00:00Z'),
    endedAt: new Date('2026-08-02T00:00:00Z'),
    provider: 'on_prem',
    region: 'DE',
    energyKwh: 1000,
    pue: 1.2,
    carbonIntensityGPerKwh: intensity,
  };
}

async function store(intensity: number) {
  const input = record(intensity);
  const [footprint] = computeFootprints([input], library, DEFAULT_METHODOLOGY_SETTINGS, []);
  if (!footprint) {
    throw new Error('no footprint');
  }
  await storeUsageRecords({ orgId }, [{ record: input, footprint }], { computedAt: new Date() });
}

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  const prisma = getPrisma();
  orgId = (await prisma.organization.create({ data: { name: 'Snapshot Org', slug: 'snapshot-org' } })).id;
  await prisma.user.create({ data: { id: userId, name: 'Editor', email: 'editor@example.test' } });
  await prisma.user.create({ data: { id: 'user-admin', name: 'Admin', email: 'admin@example.test' } });
  await prisma.user.create({ data: { id: 'user-auditor', name: 'Auditor', email: 'auditor@example.test' } });
  await store(400);
});

const headlineLb = (json: string) =>
  (JSON.parse(json) as { headline: { id: string; value: number }[] }).headline.find(
    (h) => h.id === 'total-location',
  )?.value;

describe('frozen report versions', () => {
  test('first freeze stores a draft whose JSON is reproducible byte for byte', async () => {
    const first = await freezeReport(editor(), '2026-Q3', new Date('2026-11-29T10:00:00Z'));
    expect(first.created).toBe(true);
    expect(first.version).toMatchObject({ version: 1, status: 'draft', changes: 0, approvedAt: null });
    const stored = await getReportVersion({ orgId }, '2026-Q3', 1);
    expect(stored).not.toBeNull();
    expect(
      createHash('sha256')
        .update(stored?.contentJson ?? '')
        .digest('hex'),
    ).toBe(stored?.contentSha256);
    // 1,000 kWh × 1.2 × 400 g/kWh = 480 kg = 0.48 t.
    expect(headlineLb(stored?.contentJson ?? '{}')).toBe(0.48);
    const again = await getReportVersion({ orgId }, '2026-Q3', 'latest');
    expect(again?.contentJson).toBe(stored?.contentJson);
  });

  test('freezing again without changes creates nothing', async () => {
    const same = await freezeReport(editor(), '2026-Q3', new Date('2026-11-29T11:00:00Z'));
    expect(same.created).toBe(false);
    expect(same.version.version).toBe(1);
  });

  test('four eyes: the preparer cannot review, approval needs a review by someone else, then it is immutable', async () => {
    await expect(
      approveReportVersion(auditor(), '2026-Q3', 1, new Date('2026-11-29T11:30:00Z')),
    ).rejects.toThrow(/must be reviewed/);
    await expect(
      reviewReportVersion({ ...editor(), role: 'admin' }, '2026-Q3', 1, new Date('2026-11-29T11:40:00Z')),
    ).rejects.toThrow(/prepared \(frozen\) by you/);
    await expect(
      reviewReportVersion({ ...admin(), role: 'viewer' }, '2026-Q3', 1, new Date('2026-11-29T11:40:00Z')),
    ).rejects.toThrow(/does not allow/);
    const reviewed = await reviewReportVersion(admin(), '2026-Q3', 1, new Date('2026-11-29T11:45:00Z'));
    expect(reviewed).toMatchObject({ workflow: 'reviewed', reviewedById: 'user-admin', status: 'draft' });
    await expect(
      approveReportVersion(admin(), '2026-Q3', 1, new Date('2026-11-29T11:50:00Z')),
    ).rejects.toThrow(/third person/);
    await expect(
      approveReportVersion({ ...editor(), role: 'owner' }, '2026-Q3', 1, new Date('2026-11-29T11:50:00Z')),
    ).rejects.toThrow(/prepared \(frozen\) by you/);
    const approved = await approveReportVersion(auditor(), '2026-Q3', 1, new Date('2026-11-29T12:00:00Z'));
    expect(approved).toMatchObject({ status: 'final', approvedById: 'user-auditor', workflow: 'approved' });
    await expect(
      approveReportVersion(
        { ...auditor(), actor: userActor('someone') },
        '2026-Q3',
        1,
        new Date('2026-11-29T13:00:00Z'),
      ),
    ).rejects.toThrow(/already approved/);
    await expect(
      getPrisma().reportVersion.updateMany({ where: { orgId, version: 1 }, data: { contentJson: '{}' } }),
    ).rejects.toThrow(/immutable/);
    await expect(
      getPrisma().reportVersion.updateMany({ where: { orgId, version: 1 }, data: { reviewedById: 'x' } }),
    ).rejects.toThrow(/immutable/);
  });

  test('a factor change produces a restated version listing old, new and delta', async () => {
    await store(300);
    const next = await freezeReport(editor(), '2026-Q3', new Date('2026-11-29T14:00:00Z'));
    expect(next.version.workflow).toBe('draft');
    expect(next.created).toBe(true);
    expect(next.version).toMatchObject({ version: 2, status: 'restated' });
    const v2 = await getReportVersion({ orgId }, '2026-Q3', 2);
    const changes = v2?.report.snapshot?.changes ?? [];
    const total = changes.find(
      (c) => c.metric === 'Headline figures | Total AI footprint, location-based | Q3 2026',
    );
    // 1,000 × 1.2 × 300 g = 360 kg.
    expect(total).toMatchObject({
      oldValue: 0.48,
      newValue: 0.36,
      delta: -0.12,
      unit: 'tCO2e',
      period: '2026-Q3',
    });
    expect(v2?.report.snapshot?.supersedesVersion).toBe(1);
    expect(v2?.report.sections.find((s) => s.id === 'restatements')?.tables.map((t) => t.id)).toContain(
      'version-changes',
    );
    const v1 = await getReportVersion({ orgId }, '2026-Q3', 1);
    expect(headlineLb(v1?.contentJson ?? '{}')).toBe(0.48);
    expect((await listReportVersions({ orgId }, '2026-Q3')).map((v) => [v.version, v.status])).toEqual([
      [2, 'restated'],
      [1, 'final'],
    ]);
    const audit = await getPrisma().auditEvent.findMany({ where: { orgId }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual([
      'report.frozen',
      'report.reviewed',
      'report.approved',
      'report.frozen',
    ]);
    const signOffs = audit.filter((a) => a.action !== 'report.frozen');
    expect(signOffs.map((a) => a.actorUserId)).toEqual(['user-admin', 'user-auditor']);
    expect(signOffs.every((a) => a.contentHash === v1?.contentSha256)).toBe(true);
  });
});
