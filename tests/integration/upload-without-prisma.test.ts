// The ingest path (ingestUpload and the reads it needs) runs on the plain pg pool only, so a process that only
// ingests never loads the Prisma client (≈ 120 MB of RSS; docs/decisions/ingest-perf.md). The reads moved from
// Prisma to SQL keep their shapes: compared here with the same rows read through Prisma.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { userActor } from '@/lib/auth/actor';
import { GENERIC_EXAMPLE_CSV } from '@/lib/ingest/templates';
import { getOrganization, getOrganizationBySlug } from '@/lib/server/access/organizations';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { prismaRunner } from '@/lib/server/db/sql-runner';
import { findEnergyContracts } from '@/lib/server/factors/energy-contracts';
import { getFactorLibrary } from '@/lib/server/factors/factor-library';
import { getCachedFactorLibrary } from '@/lib/server/factors/factor-library-cache';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { findUploads, getUpload, getUploadErrorReport } from '@/lib/server/usage/uploads/upload-queries';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { createTestDatabase } from '../support/test-database';
import { chunksOf } from '../support/upload-fixtures';

let orgId = '';
let otherOrgId = '';
const userId = 'u-no-prisma';
const prismaCreated = () => Boolean((globalThis as { aiFootprintPrisma?: unknown }).aiFootprintPrisma);

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  const pool = getPgPool();
  const org = async (name: string, slug: string) =>
    (
      await pool.query<{ id: string }>(
        `INSERT INTO organization (name, slug, time_zone, default_basis, updated_at)
         VALUES ($1, $2, 'Europe/Berlin', 'direct', now()) RETURNING id`,
        [name, slug],
      )
    ).rows[0]?.id as string;
  orgId = await org('No Prisma', 'no-prisma');
  otherOrgId = await org('Other', 'no-prisma-other');
  await pool.query(
    `INSERT INTO "user" (id, name, email, email_verified, updated_at) VALUES ($1, 'Ingest Editor', 'ingest@example.test', true, now())`,
    [userId],
  );
  await pool.query(`INSERT INTO membership (org_id, user_id, role) VALUES ($1, $2, 'editor')`, [
    orgId,
    userId,
  ]);
  for (const [owner, reference, mwh] of [
    [orgId, 'PPA-1', 12.5],
    [orgId, 'REC-0', 3],
    [otherOrgId, 'OTHER-1', 99],
  ] as const) {
    await pool.query(
      `INSERT INTO energy_contract (org_id, instrument_type, market_zone, period_start, period_end, volume_mwh, g_co2e_per_kwh, reference)
       VALUES ($1, 'PPA', 'DE', $2, '2027-01-01T00:00:00Z', $3, 0, $4)`,
      [owner, reference === 'REC-0' ? '2025-01-01T00:00:00Z' : '2026-01-01T00:00:00Z', mwh, reference],
    );
  }
  await pool.query(
    `INSERT INTO accelerator (id, org_id, name, aliases, tdp_w, source, dataset_version)
     VALUES ('org-h100', $1, 'NVIDIA H100 SXM', ARRAY['h100-ours'], 650, 'our measurement', 'org-1')`,
    [orgId],
  );
  await pool.query(
    `INSERT INTO emission_factor (id, org_id, kind, zone, period_start, period_end, granularity, g_co2e_per_kwh, basis, source, licence, dataset_version)
     VALUES ('org-de-2025', $1, 'grid_location', 'DE', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'yearly', 321.5, 'direct', 'supplier', 'own', 'org-1')`,
    [orgId],
  );
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

test('an upload end to end (reads, ingest, DTO) never instantiates the Prisma client', async () => {
  await getCachedFactorLibrary({ orgId });
  const { upload } = await ingestUpload(
    { orgId, actor: userActor(userId) },
    { fileName: 'example.csv', chunks: chunksOf(GENERIC_EXAMPLE_CSV, 97), parse: {} },
  );
  expect(upload).toMatchObject({ status: 'completed', rowsAccepted: 5, uploadedBy: 'Ingest Editor' });
  expect(await findUploads({ orgId })).toEqual([upload]);
  expect(await getUpload({ orgId }, upload.id)).toEqual(upload);
  expect(await getUpload({ orgId: otherOrgId }, upload.id)).toBeNull();
  expect(await findUploads({ orgId: otherOrgId })).toEqual([]);
  expect(await getUploadErrorReport({ orgId }, upload.id)).toEqual({
    fileName: 'example.csv',
    errors: [],
    errorCount: 0,
    warnings: [],
  });
  expect(prismaCreated()).toBe(false);
});

test('the pg reads return what Prisma reads, scoped to the organisation', async () => {
  const prisma = getPrisma();
  const org = await prisma.organization.findUnique({
    where: { id: orgId },
    select: {
      id: true,
      slug: true,
      name: true,
      timeZone: true,
      defaultBasis: true,
      embodiedLifetimeYears: true,
      currency: true,
      carbonPricePerTonneCo2e: true,
      electricityPricePerKwh: true,
    },
  });
  expect(await getOrganization({ orgId })).toEqual(org);
  expect(await getOrganizationBySlug('no-prisma')).toEqual(org);
  expect(await getOrganization({ orgId: '00000000-0000-0000-0000-000000000000' })).toBeNull();

  const contracts = await findEnergyContracts({ orgId });
  expect(contracts.map((c) => c.id)).toEqual(['REC-0', 'PPA-1']);
  expect(contracts[1]).toEqual({
    id: 'PPA-1',
    instrumentType: 'PPA',
    marketZone: 'DE',
    periodStart: new Date('2026-01-01T00:00:00Z'),
    periodEnd: new Date('2027-01-01T00:00:00Z'),
    mwh: 12.5,
    gCo2ePerKwh: 0,
  });
  // The same SQL through a Prisma transaction (recompute) gives the same values.
  expect(await findEnergyContracts({ orgId }, prismaRunner(prisma))).toEqual(contracts);

  const library = await getFactorLibrary({ orgId });
  expect(await getFactorLibrary({ orgId }, prismaRunner(prisma))).toEqual(library);
  // The override accelerator replaces the bundled one of its name and is listed first.
  expect(library.accelerators[0]).toMatchObject({ id: 'org-h100', tdpW: 650, aliases: ['h100-ours'] });
  expect(library.accelerators.filter((a) => a.name === 'NVIDIA H100 SXM')).toHaveLength(1);
  const de2025 = library.gridFactors.find((f) => f.id === 'org-de-2025');
  expect(de2025 && { ...de2025, periodStart: de2025.periodStart.toISOString() }).toMatchObject({
    gCo2ePerKwh: 321.5,
    periodStart: '2025-01-01T00:00:00.000Z',
    basis: 'direct',
  });
  expect(library.providerDefaults.length).toBeGreaterThan(0);
  expect(library.locations.length).toBeGreaterThan(0);
  // The other organisation sees neither the override nor the contracts.
  const other = await getFactorLibrary({ orgId: otherOrgId });
  expect(other.accelerators.some((a) => a.id === 'org-h100')).toBe(false);
  expect(other.gridFactors.some((f) => f.id === 'org-de-2025')).toBe(false);
  expect((await findEnergyContracts({ orgId: otherOrgId })).map((c) => c.id)).toEqual(['OTHER-1']);
});
