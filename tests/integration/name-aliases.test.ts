import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DELETE as deleteAlias } from '@/app/api/v1/name-aliases/[id]/route';
import { POST as createAlias, GET as listAliases } from '@/app/api/v1/name-aliases/route';
import type { TUserActor } from '@/lib/auth/actor';
import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { matchAccelerator } from '@/lib/emissions/resolve-accelerator';
import { resolveLocation } from '@/lib/emissions/resolve-location';
import type { Role } from '@/lib/generated/prisma/enums';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { ZRecordsQuery } from '@/lib/schemas/records-query';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { getCachedFactorLibrary } from '@/lib/server/factors/factor-library-cache';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { saveNameAlias } from '@/lib/server/factors/name-aliases';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { findUsageRecordsPage } from '@/lib/server/usage/usage-record-list';
import { expectContract } from '../support/api-contract';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';
import { chunksOf } from '../support/upload-fixtures';

type TMember = { orgId: string; userId: string; role: Role; actor: TUserActor };
let orgA: TMember;
let orgB: TMember;
let tokenA: string;
let tokenB: string;
let viewerTokenA: string;
let h100Id: string;

const req = (path: string, token: string, method = 'GET', body?: unknown) =>
  new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  orgA = await createOrgWithMember('editor');
  orgB = await createOrgWithMember('editor');
  tokenA = (await createApiToken(orgA, 'a')).token;
  tokenB = (await createApiToken(orgB, 'b')).token;
  const viewerA = { ...(await createOrgWithMember('viewer')), orgId: orgA.orgId };
  await getPrisma().membership.create({
    data: { orgId: orgA.orgId, userId: viewerA.userId, role: 'viewer' },
  });
  viewerTokenA = (await createApiToken(viewerA, 'v')).token;
  h100Id = (
    await getPrisma().accelerator.findFirstOrThrow({ where: { orgId: null, name: 'NVIDIA H100 SXM' } })
  ).id;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

const libraryOf = async (orgId: string) => ensureIndexed(await getCachedFactorLibrary({ orgId }));

describe('name aliases', () => {
  test('POST maps an unknown GPU name for one organisation only; audited; stored as the catalog id', async () => {
    expect(matchAccelerator(await libraryOf(orgA.orgId), 'Lab H100 box')).toBeNull();
    const created = await createAlias(
      req('/api/v1/name-aliases', tokenA, 'POST', {
        kind: 'accelerator',
        alias: 'Lab H100 box',
        target: 'H100 SXM',
      }),
    );
    expect(created.status).toBe(201);
    const alias = (await expectContract('post', '/api/v1/name-aliases', created)) as {
      id: string;
      target: string;
    };
    expect(alias.target).toBe(h100Id);

    expect(matchAccelerator(await libraryOf(orgA.orgId), 'lab-h100-box')).toMatchObject({
      spec: { id: h100Id },
      match: 'alias',
    });
    // Another organisation never uses or sees it.
    expect(matchAccelerator(await libraryOf(orgB.orgId), 'Lab H100 box')).toBeNull();
    const listedB = await listAliases(req('/api/v1/name-aliases', tokenB));
    expect(((await listedB.json()) as { aliases: unknown[] }).aliases).toEqual([]);
    const listedA = await listAliases(req('/api/v1/name-aliases', tokenA));
    const bodyA = (await expectContract('get', '/api/v1/name-aliases', listedA)) as {
      aliases: { id: string }[];
    };
    expect(bodyA.aliases.map((a) => a.id)).toEqual([alias.id]);

    const events = await getPrisma().auditEvent.findMany({
      where: { orgId: orgA.orgId, action: 'name-alias.saved', targetId: alias.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.actorUserId).toBe(orgA.userId);
  });

  test('a region alias resolves to its target; a catalog name or an unknown target is refused', async () => {
    await saveNameAlias(orgA, { kind: 'region', alias: 'Paris basement', target: 'FR' });
    expect(resolveLocation({ region: 'paris basement' }, await libraryOf(orgA.orgId))).toMatchObject({
      gridZone: 'FR',
      countryCode: 'FR',
      matchedBy: 'alias',
    });
    await expect(saveNameAlias(orgA, { kind: 'region', alias: 'FRA', target: 'DE' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      saveNameAlias(orgA, { kind: 'accelerator', alias: 'Mystery card', target: 'no such card' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  test("an upload uses the organisation's alias; another organisation's upload of the same name is rejected", async () => {
    // One device, 10 h, utilisation 1, PUE 1: facility energy = the H100 SXM's 700 W TDP × 10 h = 7 kWh.
    const csv = (id: string) =>
      `record_id,phase,started_at,ended_at,provider,region,accelerator,accelerator_count,utilization,pue\n${id},training,2025-06-01T00:00:00Z,2025-06-01T10:00:00Z,on_prem,Paris basement,Lab H100 box,1,1,1\n`;
    const ingest = (ctx: TMember, id: string) =>
      ingestUpload(ctx, { fileName: `${id}.csv`, chunks: chunksOf(csv(id)), parse: {}, validOnly: false });
    const stored = await ingest(orgA, 'alias-run');
    expect(stored.upload).toMatchObject({ status: 'completed', rowsAccepted: 1 });
    const record = await getPrisma().usageRecord.findFirstOrThrow({
      where: { orgId: orgA.orgId, externalId: 'alias-run' },
    });
    expect(record.facilityEnergyKwh).toBeCloseTo(7, 9);
    // The region alias: Paris basement → FR.
    expect(record).toMatchObject({ gridZone: 'FR', countryCode: 'FR' });

    // "View these N records": the records list filtered by the upload, only in its own organisation.
    const wide = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') };
    await ingest(orgA, 'not-this-upload');
    const byUpload = ZRecordsQuery.parse({ upload: stored.upload.id });
    const listed = await findUsageRecordsPage(orgA, parseDashboardFilters({}), wide, byUpload);
    expect(listed.total).toBe(1);
    expect(listed.rows.map((r) => r.id)).toEqual([record.id]);
    expect((await findUsageRecordsPage(orgB, parseDashboardFilters({}), wide, byUpload)).total).toBe(0);

    const refused = await ingest(orgB, 'other-org-run');
    expect(refused.upload).toMatchObject({ status: 'failed', rowsAccepted: 0 });
    expect(await getPrisma().usageRecord.count({ where: { orgId: orgB.orgId } })).toBe(0);
  });

  test('viewers cannot map names; another organisation cannot delete; the owner organisation can', async () => {
    const refused = await createAlias(
      req('/api/v1/name-aliases', viewerTokenA, 'POST', {
        kind: 'accelerator',
        alias: 'X',
        target: 'H100 SXM',
      }),
    );
    expect(refused.status).toBe(403);
    const [alias] = await getPrisma().nameAlias.findMany({
      where: { orgId: orgA.orgId, kind: 'accelerator' },
    });
    const id = alias?.id as string;
    const params = { params: Promise.resolve({ id }) };
    expect((await deleteAlias(req(`/api/v1/name-aliases/${id}`, tokenB, 'DELETE'), params)).status).toBe(404);
    expect(await getPrisma().nameAlias.count({ where: { id } })).toBe(1);
    const deleted = await deleteAlias(req(`/api/v1/name-aliases/${id}`, tokenA, 'DELETE'), params);
    expect(deleted.status).toBe(200);
    expect(await getPrisma().nameAlias.count({ where: { id } })).toBe(0);
    expect(
      await getPrisma().auditEvent.count({
        where: { orgId: orgA.orgId, action: 'name-alias.deleted', targetId: id },
      }),
    ).toBe(1);
    // The cached library follows the deletion.
    expect(matchAccelerator(await libraryOf(orgA.orgId), 'Lab H100 box')).toBeNull();
  });
});
