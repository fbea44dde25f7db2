import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as postCodecarbonEmission } from '@/app/api/codecarbon/emissions/route';
import { POST as postCodecarbonRun } from '@/app/api/codecarbon/runs/route';
import { GET as getReport } from '@/app/api/v1/reports/[period]/route';
import { GET as getUploadErrors } from '@/app/api/v1/uploads/[id]/errors/route';
import { DELETE as deleteUploadRoute, GET as getUploadRoute } from '@/app/api/v1/uploads/[id]/route';
import { GET as listUploads, POST as postUpload } from '@/app/api/v1/uploads/route';
import { userActor } from '@/lib/auth/actor';
import { GENERIC_EXAMPLE_CSV } from '@/lib/ingest/templates';
import { ZGridFactorOverrideInput } from '@/lib/schemas/factor-override';
import { createApiToken, getBearerIdentity, revokeApiToken } from '@/lib/server/access/api-tokens';
import { createInvitation, findInvitations, revokeInvitation } from '@/lib/server/access/invitations';
import { changeMemberRole, findMembers, removeMember } from '@/lib/server/access/members';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { createGridFactorOverride, deleteFactorOverride } from '@/lib/server/factors/factor-overrides';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { approveReportVersion } from '@/lib/server/reports/report-sign-off';
import { freezeReport, getReportVersion, listReportVersions } from '@/lib/server/reports/report-versions';
import {
  findColumnMappingPresets,
  saveColumnMappingPreset,
} from '@/lib/server/usage/uploads/column-mapping-presets';
import { deleteUpload } from '@/lib/server/usage/uploads/delete-upload';
import { getUpload, getUploadErrorReport } from '@/lib/server/usage/uploads/upload-queries';
import { getUsageRecordDetail } from '@/lib/server/usage/usage-record-detail';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';
import { orgTotals } from '../support/upload-fixtures';

// Issue #7: every id-taking data function and route, called with a VALID context of organisation A on an object of
// organisation B, answers NOT_FOUND / 404 (never 403: the id must not be confirmed) and changes nothing.
type TOrg = Awaited<ReturnType<typeof createOrgWithMember>> & { token: string; tokenId: string };

let a: TOrg;
let b: TOrg;
let bUploadId = '';
let bRecordId = '';
let bOverrideId = '';
const PERIOD = '2025-Q1';
const NOW = new Date('2026-11-29T12:00:00Z');
const base = 'http://localhost/api/v1';
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

async function org(): Promise<TOrg> {
  const member = await createOrgWithMember('owner');
  const created = await createApiToken(member, 'isolation');
  return { ...member, token: created.token, tokenId: created.id };
}

const ctxOf = (o: TOrg) => ({ orgId: o.orgId, actor: userActor(o.userId), role: 'owner' as const });

async function expectNotFound(promise: Promise<unknown>) {
  await expect(promise).rejects.toMatchObject({ code: 'NOT_FOUND' });
}

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  a = await org();
  b = await org();
  const uploaded = await postUpload(
    new Request(`${base}/uploads?fileName=b.csv`, {
      method: 'POST',
      headers: { ...auth(b.token), 'content-type': 'text/csv' },
      body: GENERIC_EXAMPLE_CSV,
    }),
  );
  expect(uploaded.status).toBe(201);
  bUploadId = (await uploaded.json()).id;
  bRecordId = (await getPrisma().usageRecord.findFirstOrThrow({ where: { orgId: b.orgId } })).id;
  await createGridFactorOverride(
    ctxOf(b),
    ZGridFactorOverrideInput.parse({
      zone: 'FR',
      validFrom: '2025-01-01',
      validTo: '2026-01-01',
      gCo2ePerKwh: '10',
      basis: 'lifecycle',
      source: 'Supplier disclosure',
    }),
    { now: NOW },
  );
  bOverrideId = (await getPrisma().emissionFactor.findFirstOrThrow({ where: { orgId: b.orgId } })).id;
  await freezeReport(b, PERIOD, NOW);
  await saveColumnMappingPreset(b, { name: 'shared-name', mapping: { kwh: { field: 'energyKwh' } } });
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('uploads', () => {
  test("route handlers: GET, GET errors and DELETE of B's upload with A's token are 404; nothing changes", async () => {
    const before = await orgTotals(b.orgId);
    const url = `${base}/uploads/${bUploadId}`;
    expect(
      (await getUploadRoute(new Request(url, { headers: auth(a.token) }), idParams(bUploadId))).status,
    ).toBe(404);
    const errors = await getUploadErrors(
      new Request(`${url}/errors`, { headers: auth(a.token) }),
      idParams(bUploadId),
    );
    expect(errors.status).toBe(404);
    const del = await deleteUploadRoute(
      new Request(url, { method: 'DELETE', headers: auth(a.token) }),
      idParams(bUploadId),
    );
    expect(del.status).toBe(404);
    expect((await del.json()).error.code).toBe('NOT_FOUND');
    expect(await orgTotals(b.orgId)).toEqual(before);
    expect(before.records).toBe(5);
    const list = await listUploads(new Request(`${base}/uploads`, { headers: auth(a.token) }));
    expect(JSON.stringify(await list.json())).not.toContain(bUploadId);
    // The owner still sees it: the 404 above is isolation, not a missing row.
    expect(
      (await getUploadRoute(new Request(url, { headers: auth(b.token) }), idParams(bUploadId))).status,
    ).toBe(200);
  });

  test('lib/server: getUpload, getUploadErrorReport are null and deleteUpload is NOT_FOUND', async () => {
    expect(await getUpload(a, bUploadId)).toBeNull();
    expect(await getUploadErrorReport(a, bUploadId)).toBeNull();
    await expectNotFound(deleteUpload(ctxOf(a), bUploadId));
    expect(await getUpload(b, bUploadId)).not.toBeNull();
  });

  test('a malformed id is 404 too (no 500, no difference between "bad" and "foreign")', async () => {
    const res = await getUploadRoute(
      new Request(`${base}/uploads/x`, { headers: auth(a.token) }),
      idParams("x' OR 1=1"),
    );
    expect(res.status).toBe(404);
  });
});

describe('records', () => {
  test("getUsageRecordDetail of B's record in A is null (the /records/[id] page then 404s)", async () => {
    expect(await getUsageRecordDetail(a, bRecordId)).toBeNull();
    expect(await getUsageRecordDetail(b, bRecordId)).not.toBeNull();
  });
});

describe('report versions', () => {
  test("A cannot read or approve B's frozen version; the API answers 404 for version=1", async () => {
    expect(await getReportVersion(a, PERIOD, 1)).toBeNull();
    expect(await listReportVersions(a, PERIOD)).toEqual([]);
    await expectNotFound(approveReportVersion(ctxOf(a), PERIOD, 1, NOW));
    const res = await getReport(
      new Request(`${base}/reports/${PERIOD}?format=json&version=1`, { headers: auth(a.token) }),
      {
        params: Promise.resolve({ period: PERIOD }),
      },
    );
    expect(res.status).toBe(404);
    const own = await getReportVersion(b, PERIOD, 1);
    expect(own?.approvedAt).toBeNull();
  });
});

describe('api tokens', () => {
  test("A cannot revoke B's token: NOT_FOUND, and B's token still authenticates", async () => {
    await expectNotFound(revokeApiToken(a, b.tokenId));
    expect(await getBearerIdentity(b.token, NOW)).toMatchObject({ orgId: b.orgId });
  });

  test("a token of A never resolves to B's organisation", async () => {
    expect(await getBearerIdentity(a.token, NOW)).toMatchObject({ orgId: a.orgId });
  });
});

describe('factor overrides', () => {
  test("A cannot delete B's override: NOT_FOUND, the override and B's records stay", async () => {
    const before = await orgTotals(b.orgId);
    await expectNotFound(deleteFactorOverride(ctxOf(a), { kind: 'grid', id: bOverrideId }, { now: NOW }));
    expect(await getPrisma().emissionFactor.count({ where: { id: bOverrideId } })).toBe(1);
    expect(await orgTotals(b.orgId)).toEqual(before);
  });
});

describe('column-mapping presets', () => {
  test("A saving a preset with B's name creates A's own; B's preset is unchanged and invisible to A", async () => {
    const bBefore = await findColumnMappingPresets(b);
    await saveColumnMappingPreset(a, { name: 'shared-name', mapping: { energy: { field: 'energyKwh' } } });
    expect(await findColumnMappingPresets(b)).toEqual(bBefore);
    const mine = await findColumnMappingPresets(a);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.id).not.toBe(bBefore[0]?.id);
  });
});

describe('audit events stay in their organisation', () => {
  test("none of A's failed attempts wrote an audit event in B", async () => {
    const bEvents = await getPrisma().auditEvent.findMany({
      where: { orgId: b.orgId },
      select: { actorUserId: true },
    });
    expect(bEvents.every((e) => e.actorUserId !== a.userId)).toBe(true);
  });
});

describe('CodeCarbon endpoints', () => {
  const codecarbon = (path: string, token: string, body: unknown) =>
    new Request(`http://localhost/api/codecarbon${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-token': token },
      body: JSON.stringify(body),
    });
  const emission = (runId: string) => ({
    timestamp: '2026-08-08T11:37:52+02:00',
    run_id: runId,
    duration: 120,
    emissions_sum: 0.4,
    emissions_rate: 0.4 / 120,
    cpu_power: 40,
    gpu_power: 600,
    ram_power: 20,
    cpu_energy: 0.1,
    gpu_energy: 0.85,
    ram_energy: 0.05,
    energy_consumed: 1,
    wue: 0,
  });

  test("A posting emissions to B's run is 404 and B's run gets no energy; B's own post works", async () => {
    const run = await postCodecarbonRun(
      codecarbon('/runs', b.token, {
        timestamp: '2026-08-08T11:35:50+02:00',
        experiment_id: '5b0fa12a-3dd7-45bb-9766-cc326314d9f1',
        cpu_count: 8,
        gpu_count: 1,
        gpu_model: 'NVIDIA H100 80GB HBM3',
        region: 'hesse',
        tracking_mode: 'machine',
      }),
    );
    expect(run.status).toBe(201);
    const runId = (await run.json()).id as string;
    const before = await orgTotals(b.orgId);
    const foreign = await postCodecarbonEmission(codecarbon('/emissions', a.token, emission(runId)));
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe('NOT_FOUND');
    expect(await orgTotals(b.orgId)).toEqual(before);
    expect(await orgTotals(a.orgId)).toMatchObject({ records: 0 });
    const own = await postCodecarbonEmission(codecarbon('/emissions', b.token, emission(runId)));
    expect(own.status).toBe(201);
  });
});

describe('members and invitations', () => {
  test("A cannot change the role of, or remove, B's member: NOT_FOUND, B unchanged", async () => {
    await expectNotFound(changeMemberRole(a, b.userId, 'viewer'));
    await expectNotFound(removeMember(a, b.userId, NOW));
    expect(await findMembers(b)).toMatchObject([{ userId: b.userId, role: 'owner' }]);
    expect((await findMembers(a)).map((m) => m.userId)).toEqual([a.userId]);
  });

  test("A cannot revoke or list B's invitation", async () => {
    const invited = await createInvitation(b, { email: 'someone@example.test', role: 'viewer' }, NOW);
    await expectNotFound(revokeInvitation(a, invited.id, NOW));
    expect(await findInvitations(a, NOW)).toEqual([]);
    expect(await findInvitations(b, NOW)).toMatchObject([{ id: invited.id, status: 'pending' }]);
  });
});
