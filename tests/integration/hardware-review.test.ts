import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as signOffRoute } from '@/app/api/v1/reports/[period]/versions/[version]/[step]/route';
import { POST as freezeRoute } from '@/app/api/v1/reports/[period]/versions/route';
import type { TUserActor } from '@/lib/auth/actor';
import { userActor } from '@/lib/auth/actor';
import type { Role } from '@/lib/generated/prisma/enums';
import { buildQuarterlyEsgReport } from '@/lib/reports/build-quarterly-esg-report';
import { ZHardwareAssetInput } from '@/lib/schemas/hardware-asset';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { getQuarterAggregates } from '@/lib/server/reports/quarter-aggregates';
import { getReportVersion } from '@/lib/server/reports/report-versions';
import {
  createHardwareAsset,
  deleteHardwareAsset,
  findHardwareAssets,
  retireHardwareAsset,
} from '@/lib/server/usage/hardware-assets';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

type TMember = { orgId: string; userId: string; role: Role; actor: TUserActor };
let editor: TMember;
let admin: TMember;
let auditor: TMember;
let stranger: TMember;
const tokens: Record<string, string> = {};

async function addMember(orgId: string, role: Role): Promise<TMember> {
  const userId = `user-${role}-${orgId.slice(0, 6)}`;
  await getPrisma().user.create({
    data: { id: userId, name: `The ${role}`, email: `${userId}@example.test` },
  });
  await getPrisma().membership.create({ data: { orgId, userId, role } });
  tokens[role] = (await createApiToken({ orgId, userId }, `${role} token`)).token;
  return { orgId, userId, role, actor: userActor(userId) };
}

const h100 = (over: Record<string, string> = {}) =>
  ZHardwareAssetInput.parse({
    name: 'H100 nodes',
    acceleratorId: 'nvidia-h100-sxm',
    unitCount: '16',
    purchasedOn: '2026-08-17',
    expectedLifetimeYears: '4',
    location: 'DE',
    ...over,
  });

const cat2Row = async (period: string) => {
  const report = buildQuarterlyEsgReport(await getQuarterAggregates(editor, period), {
    generatedAt: new Date(),
  });
  const table = report.sections.flatMap((s) => s.tables).find((t) => t.id === 'table-c');
  return table?.rows.find((r) => r.label === 'Scope 3 Cat 2 hardware capex');
};

const post = (path: string, role: string) =>
  new Request(`http://localhost/api/v1/reports/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[role]}` },
  });

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  const owner = await createOrgWithMember('owner');
  editor = await addMember(owner.orgId, 'editor');
  admin = await addMember(owner.orgId, 'admin');
  auditor = await addMember(owner.orgId, 'auditor');
  await addMember(owner.orgId, 'viewer');
  const other = await createOrgWithMember('owner');
  stranger = { orgId: other.orgId, userId: other.userId, role: 'owner', actor: userActor(other.userId) };
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('[hardware] register: catalog figures, validation, roles, audit, org scoping', () => {
  test('a catalog accelerator copies its embodied figure and source; Cat 2 lands in the purchase quarter', async () => {
    const asset = await createHardwareAsset(editor, h100());
    expect(asset).toMatchObject({
      unitCount: 16,
      embodiedKgCo2ePerUnit: 164,
      hardwareType: 'NVIDIA H100 SXM',
    });
    expect(asset.embodiedSource).toMatch(/^factor library ai-footprint-accelerators@/);
    expect((await cat2Row('2026-Q3'))?.current).toBe(2.624);
    expect((await cat2Row('2026-Q4'))?.current).toBe(0);
    expect((await cat2Row('2026-Q4'))?.previous).toBe(2.624);
    expect((await cat2Row('2026'))?.current).toBe(2.624);
  });

  test('explicit figures need a source; unknown accelerators and viewers are refused', async () => {
    expect(
      ZHardwareAssetInput.safeParse({ ...h100(), acceleratorId: '', embodiedKgCo2ePerUnit: '900' }).success,
    ).toBe(false);
    await expect(createHardwareAsset(editor, h100({ acceleratorId: 'nope' }))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(createHardwareAsset({ ...editor, role: 'viewer' }, h100())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const server = await createHardwareAsset(
      editor,
      ZHardwareAssetInput.parse({
        name: 'Servers',
        hardwareType: '2U server',
        unitCount: '2',
        purchasedOn: '2026-05-01',
        embodiedKgCo2ePerUnit: '1000',
        embodiedSource: 'supplier PCF',
        expectedLifetimeYears: '5',
      }),
    );
    expect((await cat2Row('2026-Q2'))?.current).toBe(2);
    await retireHardwareAsset(editor, server.id, '2026-09-01');
    await expect(deleteHardwareAsset(stranger, server.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await deleteHardwareAsset(editor, server.id);
    expect((await findHardwareAssets(editor)).map((a) => a.name)).toEqual(['H100 nodes']);
    expect(await findHardwareAssets(stranger)).toEqual([]);
    const actions = await getPrisma().auditEvent.findMany({
      where: { orgId: editor.orgId, targetType: 'hardware_asset' },
      orderBy: { createdAt: 'asc' },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'hardware.created',
      'hardware.created',
      'hardware.retired',
      'hardware.deleted',
    ]);
  });
});

describe('[reports] four-eyes sign-off through the API, and a restatement after a hardware purchase', () => {
  test('freeze (editor) → review (admin) → approve (auditor); self-review, skipped review and reviewer-approval fail', async () => {
    const params = (version: string, step: string) => ({
      params: Promise.resolve({ period: '2026-Q3', version, step }),
    });
    const frozen = await freezeRoute(post('2026-Q3/versions', 'editor'), {
      params: Promise.resolve({ period: '2026-Q3' }),
    });
    expect(frozen.status).toBe(201);
    expect(await frozen.json()).toMatchObject({ version: 1, workflow: 'draft', createdById: editor.userId });
    expect(
      (await signOffRoute(post('2026-Q3/versions/1/review', 'viewer'), params('1', 'review'))).status,
    ).toBe(403);
    const self = await signOffRoute(post('2026-Q3/versions/1/review', 'editor'), params('1', 'review'));
    expect(self.status).toBe(403);
    expect((await self.json()).error.message).toMatch(/prepared \(frozen\) by you/);
    const early = await signOffRoute(post('2026-Q3/versions/1/approve', 'auditor'), params('1', 'approve'));
    expect(early.status).toBe(409);
    const reviewed = await signOffRoute(post('2026-Q3/versions/1/review', 'admin'), params('1', 'review'));
    expect(await reviewed.json()).toMatchObject({ workflow: 'reviewed', reviewedById: admin.userId });
    const byReviewer = await signOffRoute(
      post('2026-Q3/versions/1/approve', 'admin'),
      params('1', 'approve'),
    );
    expect(byReviewer.status).toBe(403);
    const approved = await signOffRoute(
      post('2026-Q3/versions/1/approve', 'auditor'),
      params('1', 'approve'),
    );
    expect(await approved.json()).toMatchObject({
      workflow: 'approved',
      status: 'final',
      approvedById: auditor.userId,
    });
    expect((await signOffRoute(post('2026-Q3/versions/1/step', 'admin'), params('1', 'step'))).status).toBe(
      400,
    );
  });

  test('buying hardware after approval restates the quarter with the Cat 2 change listed', async () => {
    await createHardwareAsset(editor, h100({ name: 'More H100', unitCount: '8', purchasedOn: '2026-09-01' }));
    const res = await freezeRoute(post('2026-Q3/versions', 'editor'), {
      params: Promise.resolve({ period: '2026-Q3' }),
    });
    expect(res.status).toBe(201);
    const v2 = await getReportVersion(editor, '2026-Q3', 2);
    const change = v2?.report.snapshot?.changes.find(
      (c) => c.metric === 'Table C: GHG emissions | Scope 3 Cat 2 hardware capex | Q3 2026',
    );
    // 8 × 164 kg = 1.312 t more.
    expect(change).toMatchObject({ oldValue: 2.624, newValue: 3.936, delta: 1.312 });
    expect(v2?.workflow).toBe('draft');
    const v1 = await getReportVersion(editor, '2026-Q3', 1);
    expect(v1?.workflow).toBe('approved');
    const audit = await getPrisma().auditEvent.findMany({
      where: { orgId: editor.orgId, targetType: 'report_version' },
      orderBy: { createdAt: 'asc' },
      select: { action: true, actorUserId: true },
    });
    expect(audit).toEqual([
      { action: 'report.frozen', actorUserId: editor.userId },
      { action: 'report.reviewed', actorUserId: admin.userId },
      { action: 'report.approved', actorUserId: auditor.userId },
      { action: 'report.frozen', actorUserId: editor.userId },
    ]);
  });
});
