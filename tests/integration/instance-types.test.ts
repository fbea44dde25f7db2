import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as estimate } from '@/app/api/v1/estimate/route';
import { GET as getRecord } from '@/app/api/v1/records/[id]/route';
import { POST as storeRecords } from '@/app/api/v1/records/route';
import type { TUserActor } from '@/lib/auth/actor';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { recomputeOrganization } from '@/lib/server/usage/recompute';
import { getUploadErrorReport } from '@/lib/server/usage/uploads/upload-queries';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { expectContract } from '../support/api-contract';
import { createTestDatabase } from '../support/test-database';
import { chunksOf, createOrgWithEditor } from '../support/upload-fixtures';

// Cloud instance types through every stored path (issue #19): CSV template v1.1, POST /api/v1/estimate and
// /records, the stored record's detail, and a recomputation that must rebuild the same input.

let editor: { orgId: string; userId: string; actor: TUserActor };
let token: string;

const postJson = (path: string, body: unknown) =>
  new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

// AWS p4d.24xlarge, 2 instances for 10 h: 2 × 10 × 8 = 160 A100 SXM4 40GB device-hours.
// At u = 0.5: P = 46 + 0.5 × (400 − 46) = 223 W → 160 × 223 / 1000 = 35.68 kWh of accelerators;
// host (Teads 3,781.8 W at 50 % − 8 × 223 W) = 1,997.8 W × 20 instance-hours = 39.956 kWh. IT = 75.636 kWh.
const P4D = {
  recordId: 'p4d-eval',
  phase: 'evaluation',
  startedAt: '2025-03-12T00:00:00Z',
  endedAt: '2025-03-12T10:00:00Z',
  provider: 'aws',
  region: 'us-east-1',
  instanceType: 'p4d.24xlarge',
  instanceCount: 2,
};

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  editor = await createOrgWithEditor('Instances');
  token = (await createApiToken(editor, 'ci')).token;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('API', () => {
  test('estimate: an instance record becomes accelerator-hours plus the host share', async () => {
    const body = (await expectContract(
      'post',
      '/api/v1/estimate',
      await estimate(postJson('/api/v1/estimate', [P4D])),
    )) as {
      results: { deviceHours: number; itEnergyKwh: number; acceleratorId: string; assumptions: string[] }[];
    };
    expect(body.results[0]).toMatchObject({ deviceHours: 160, acceleratorId: 'nvidia-a100-sxm4-40gb' });
    expect(body.results[0]?.itEnergyKwh).toBeCloseTo(75.636, 9);
    expect(body.results[0]?.assumptions).toContain('INSTANCE_HOST_FROM_TABLE');
  });

  test('unknown type or contradicting accelerator: 422 naming them, nothing processed', async () => {
    const response = await estimate(
      postJson('/api/v1/estimate', [
        P4D,
        { ...P4D, instanceType: 'p4d.24xl' },
        { ...P4D, accelerator: 'H100 SXM' },
      ]),
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: { index: number; field: string; message: string }[] };
    expect(body.errors).toEqual([
      {
        index: 1,
        field: 'instanceType',
        message: expect.stringContaining('"p4d.24xl" (provider aws) is not in the catalog'),
      },
      {
        index: 2,
        field: 'accelerator',
        message: expect.stringContaining('"H100 SXM" does not match instance type "p4d.24xlarge"'),
      },
    ]);
  });

  test('records: stored with the instance inputs; the detail returns them; a recomputation changes nothing', async () => {
    const stored = await storeRecords(postJson('/api/v1/records', [{ ...P4D, recordId: 'p4d-api' }]));
    expect(stored.status).toBe(201);
    const row = await getPrisma().usageRecord.findFirstOrThrow({
      where: { orgId: editor.orgId, externalId: 'p4d-api' },
    });
    expect(row).toMatchObject({
      instanceType: 'p4d.24xlarge',
      instanceCount: 2,
      instanceHours: null,
      deviceHours: 160,
    });
    expect(row.itEnergyKwh).toBeCloseTo(75.636, 9);
    const detail = (await expectContract(
      'get',
      '/api/v1/records/{id}',
      await getRecord(
        new Request(`http://localhost/api/v1/records/${row.id}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
        {
          params: Promise.resolve({ id: row.id }),
        },
      ),
    )) as { instanceType: string; instanceCount: number };
    expect(detail).toMatchObject({ instanceType: 'p4d.24xlarge', instanceCount: 2 });
    const result = await recomputeOrganization(editor, { reason: 'instance check', now: new Date() });
    expect(result).toMatchObject({ changedRecords: 0, restatements: 0 });
  });
});

describe('CSV upload (template v1.1)', () => {
  test('instance rows are stored; an unknown type is a row error on instance_type', async () => {
    const csv = [
      'record_id,phase,started_at,ended_at,provider,region,instance_type,instance_count,instance_hours',
      'g5-bill,inference,2025-03-01,2025-03-02,aws,us-east-1,g5.12xlarge,,24',
      'typo,inference,2025-03-01,2025-03-02,aws,us-east-1,g5.12xl,1,',
    ].join('\n');
    const { upload } = await ingestUpload(editor, {
      fileName: 'instances.csv',
      chunks: chunksOf(csv, 97),
      parse: {},
      validOnly: true,
    });
    expect(upload).toMatchObject({ status: 'completed', rowsAccepted: 1, rowsRejected: 1 });
    const report = await getUploadErrorReport(editor, upload.id);
    expect(report?.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'instance_type',
        message: expect.stringContaining('instance type "g5.12xl" (provider aws) is not in the catalog'),
      }),
    ]);
    // 24 instance-hours × 4 A10G = 96 device-hours (no host figures for g5).
    const row = await getPrisma().usageRecord.findFirstOrThrow({
      where: { orgId: editor.orgId, externalId: 'g5-bill' },
    });
    expect(row).toMatchObject({ instanceType: 'g5.12xlarge', instanceHours: 24, deviceHours: 96 });
  });
});
