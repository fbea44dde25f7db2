import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DELETE as deleteContract } from '@/app/api/v1/energy-contracts/[id]/route';
import { POST as createContract, GET as listContracts } from '@/app/api/v1/energy-contracts/route';
import { POST as storeRecords } from '@/app/api/v1/records/route';
import type { TUserActor } from '@/lib/auth/actor';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { expectContract } from '../support/api-contract';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

let owner: { orgId: string; userId: string; actor: TUserActor };
let ownerToken: string;
let viewerToken: string;

const req = (path: string, method = 'GET', body?: unknown, token = ownerToken) =>
  new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const GO = {
  reference: 'GO-2026-FR-0001',
  instrumentType: 'GO',
  marketZone: 'fr',
  periodStart: '2026-01-01',
  periodEnd: '2027-01-01',
  volumeMwh: 10,
  gCo2ePerKwh: 0,
  supplier: 'Hydro du Rhône',
};
const marketKg = async () =>
  (await getPrisma().usageRecord.findFirstOrThrow({ where: { orgId: owner.orgId } })).marketKgCo2e;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  owner = await createOrgWithMember('owner');
  ownerToken = (await createApiToken(owner, 'admin')).token;
  viewerToken = (await createApiToken(await createOrgWithMember('viewer'), 'read')).token;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('energy contracts API', () => {
  test('a zero-carbon GO covering a French run brings its market-based CO2e to 0; removing it restores it', async () => {
    const stored = await storeRecords(
      req('/api/v1/records', 'POST', [
        {
          recordId: 'fr-run',
          phase: 'training',
          startedAt: '2026-03-01T00:00:00Z',
          endedAt: '2026-03-02T00:00:00Z',
          provider: 'on_prem',
          region: 'FR',
          energyKwh: 1000,
          pue: 1.2,
        },
      ]),
    );
    expect(stored.status).toBe(201);
    const before = await marketKg();
    expect(before).toBeGreaterThan(0);

    const created = await createContract(req('/api/v1/energy-contracts', 'POST', GO));
    expect(created.status).toBe(201);
    const change = (await expectContract('post', '/api/v1/energy-contracts', created)) as {
      contract: { id: string; marketZone: string };
      recompute: { changedRecords: number };
    };
    expect(change.contract.marketZone).toBe('FR');
    expect(change.recompute.changedRecords).toBe(1);
    expect(await marketKg()).toBe(0);

    const list = (await expectContract(
      'get',
      '/api/v1/energy-contracts',
      await listContracts(req('/api/v1/energy-contracts')),
    )) as { contracts: { reference: string }[] };
    expect(list.contracts.map((c) => c.reference)).toEqual(['GO-2026-FR-0001']);

    const duplicate = await createContract(req('/api/v1/energy-contracts', 'POST', GO));
    expect(duplicate.status).toBe(409);
    await expectContract('post', '/api/v1/energy-contracts', duplicate);

    const params = { params: Promise.resolve({ id: change.contract.id }) };
    const removed = await deleteContract(req('/x', 'DELETE'), params);
    expect(removed.status).toBe(200);
    await expectContract('delete', '/api/v1/energy-contracts/{id}', removed);
    expect(await marketKg()).toBeCloseTo(before, 9);
    const audit = await getPrisma().auditEvent.count({
      where: { orgId: owner.orgId, action: { in: ['contract.created', 'contract.deleted'] } },
    });
    expect(audit).toBe(2);
  });

  test('viewers get 403, invalid contracts 422, unknown ids 404', async () => {
    const forbidden = await createContract(req('/api/v1/energy-contracts', 'POST', GO, viewerToken));
    expect(forbidden.status).toBe(403);
    await expectContract('post', '/api/v1/energy-contracts', forbidden);
    const invalid = await createContract(
      req('/api/v1/energy-contracts', 'POST', { ...GO, reference: 'x', periodEnd: '2025-01-01' }),
    );
    expect(invalid.status).toBe(422);
    const body = (await expectContract('post', '/api/v1/energy-contracts', invalid)) as {
      error: { details: { field: string }[] };
    };
    expect(body.error.details[0]?.field).toBe('periodEnd');
    const missing = await deleteContract(req('/x', 'DELETE'), {
      params: Promise.resolve({ id: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(missing.status).toBe(404);
    await expectContract('delete', '/api/v1/energy-contracts/{id}', missing);
  });
});
