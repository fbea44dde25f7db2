import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '@/lib/auth/actor';
import { computeFootprints } from '@/lib/emissions/compute-footprints';
import { ZAcceleratorOverrideInput, ZLocationOverrideInput } from '@/lib/schemas/factor-override';
import { ZOrganizationSettingsInput } from '@/lib/schemas/organization-settings';
import { ZUsageRecordInput } from '@/lib/schemas/usage-record';
import { updateOrganizationSettings } from '@/lib/server/access/organization-settings';
import { methodologySettingsFor } from '@/lib/server/access/organizations';
import { getPrisma } from '@/lib/server/db/prisma';
import { getFactorLibrary } from '@/lib/server/factors/factor-library';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import {
  createAcceleratorOverride,
  createGridFactorOverride,
  createLocationOverride,
  deleteFactorOverride,
} from '@/lib/server/factors/factor-overrides';
import { recomputeOrganization } from '@/lib/server/usage/recompute';
import { findRestatementBatches } from '@/lib/server/usage/restatements';
import { getUsageRecordDetail } from '@/lib/server/usage/usage-record-detail';
import { storeUsageRecords } from '@/lib/server/usage/usage-records';
import {
  FR_GRID_OVERRIDE_10G as frOverride,
  HAND_CHECKABLE_LIBRARY,
} from '../support/hand-checkable-library';
import { createTestDatabase } from '../support/test-database';

const NOW = new Date('2026-11-29T12:00:00Z');
beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(HAND_CHECKABLE_LIBRARY, process.env.DATABASE_URL);
});

/** An organisation with two stored records: 100 kWh metered in FR (PUE 1), 24 device-hours in DE. */
async function createOrgWithRecords() {
  const org = await getPrisma().organization.create({
    data: { name: 'Test org', slug: `org-${randomUUID().slice(0, 8)}` },
  });
  const records = [
    { recordId: 'fr-run', region: 'FR', energyKwh: 100, pue: 1 },
    { recordId: 'de-run', region: 'DE', accelerator: 'Test GPU', acceleratorCount: 1, pue: 1.5 },
  ].map((r) =>
    ZUsageRecordInput.parse({ phase: 'training', startedAt: '2025-03-01', endedAt: '2025-03-02', ...r }),
  );
  const ctx = { orgId: org.id };
  const footprints = computeFootprints(records, await getFactorLibrary(ctx), methodologySettingsFor(org), []);
  await storeUsageRecords(
    ctx,
    records.map((record, i) => ({ record, footprint: footprints[i] as (typeof footprints)[number] })),
    { computedAt: NOW },
  );
  return { orgId: org.id, actor: systemActor('factors-recompute test'), role: 'admin' as const };
}

const record = (orgId: string, externalId: string) =>
  getPrisma().usageRecord.findFirstOrThrow({ where: { orgId, externalId } });
const restatementsOf = (orgId: string) =>
  getPrisma().restatementEntry.findMany({
    where: { orgId },
    include: { record: { select: { externalId: true } } },
  });
const settings = (overrides: Record<string, unknown> = {}) =>
  ZOrganizationSettingsInput.parse({
    defaultBasis: 'lifecycle',
    embodiedLifetimeYears: '4',
    carbonPricePerTonneCo2e: '',
    currency: 'EUR',
    timeZone: 'UTC',
    ...overrides,
  });

describe('[settings] changing the basis or the embodied lifetime recomputes and restates', () => {
  test('basis life-cycle → direct restates intensity, location-based CO2e and basis with old and new values', async () => {
    const ctx = await createOrgWithRecords();
    expect((await record(ctx.orgId, 'fr-run')).locationKgCo2e).toBeCloseTo(5.6, 9);
    const result = await updateOrganizationSettings(ctx, settings({ defaultBasis: 'direct' }), { now: NOW });
    expect(result.recompute).toEqual({ records: 2, changedRecords: 2, restatements: expect.any(Number) });
    const fr = await record(ctx.orgId, 'fr-run');
    expect(fr.locationKgCo2e).toBeCloseTo(3, 9);
    expect(fr.basis).toBe('direct');
    expect(fr.computedAt).toEqual(NOW);
    const entries = (await restatementsOf(ctx.orgId)).filter((e) => e.record.externalId === 'fr-run');
    const byField = new Map(entries.map((e) => [e.field, e]));
    expect(byField.get('intensityGCo2ePerKwh')).toMatchObject({ oldValue: '56', newValue: '30' });
    expect(byField.get('locationKgCo2e')).toMatchObject({ oldValue: '5.6', newValue: '3' });
    expect(byField.get('basis')).toMatchObject({ oldValue: 'lifecycle', newValue: 'direct' });
    expect(byField.has('itEnergyKwh')).toBe(false);
    expect(entries[0]?.reason).toContain('basis lifecycle → direct');
    expect(entries[0]?.createdAt).toEqual(NOW);
    const audit = await getPrisma().auditEvent.findMany({ where: { orgId: ctx.orgId } });
    expect(audit.map((a) => a.action)).toEqual(['organization.settings.updated']);
    const [batch, ...others] = await findRestatementBatches(ctx);
    expect(others).toEqual([]);
    expect(batch).toMatchObject({ records: 2, entries: result.recompute?.restatements });
    expect(batch?.reason).toContain('basis lifecycle → direct');
    expect(await recomputeOrganization(ctx, { reason: 'again', now: NOW })).toEqual({
      records: 2,
      changedRecords: 0,
      restatements: 0,
    });
  });

  test('embodied lifetime 4 → 2 years doubles the amortised embodied figure; time zone alone recomputes nothing', async () => {
    const ctx = await createOrgWithRecords();
    const before = (await record(ctx.orgId, 'de-run')).embodiedKgCo2e;
    expect(before).toBeCloseTo((175.2 * 24) / (4 * 8760), 9);
    const tzOnly = await updateOrganizationSettings(ctx, settings({ timeZone: 'Europe/Paris' }), {
      now: NOW,
    });
    expect(tzOnly.recompute).toBeNull();
    const result = await updateOrganizationSettings(
      ctx,
      settings({ timeZone: 'Europe/Paris', embodiedLifetimeYears: '2' }),
      { now: NOW },
    );
    expect(result.recompute?.changedRecords).toBe(1);
    expect((await record(ctx.orgId, 'de-run')).embodiedKgCo2e).toBeCloseTo(before * 2, 9);
    const embodied = (await restatementsOf(ctx.orgId)).find((e) => e.field === 'embodiedKgCo2e');
    expect(Number(embodied?.oldValue)).toBeCloseTo(before, 9);
    expect(Number(embodied?.newValue)).toBeCloseTo(before * 2, 9);
  });

  test('paging: one record per read page and per write statement gives the same result', async () => {
    const ctx = await createOrgWithRecords();
    await getPrisma().organization.update({ where: { id: ctx.orgId }, data: { defaultBasis: 'direct' } });
    const result = await recomputeOrganization(ctx, { reason: 'paging', now: NOW, pageSize: 1 });
    expect(result).toMatchObject({ records: 2, changedRecords: 2 });
    expect((await record(ctx.orgId, 'fr-run')).locationKgCo2e).toBeCloseTo(3, 9);
    expect((await record(ctx.orgId, 'de-run')).intensityGCo2ePerKwh).toBe(350);
    expect(await getPrisma().restatementEntry.count({ where: { orgId: ctx.orgId } })).toBe(
      result.restatements,
    );
  });

  test('an invalid IANA time zone is refused by the schema', () => {
    expect(ZOrganizationSettingsInput.safeParse({ ...settings(), timeZone: 'Mars/Olympus' }).success).toBe(
      false,
    );
  });
});

describe('[factors] organisation overrides', () => {
  test('a grid-factor override wins over the bundled factor, only in its organisation', async () => {
    const a = await createOrgWithRecords();
    const b = await createOrgWithRecords();
    const result = await createGridFactorOverride(a, frOverride, { now: NOW });
    expect(result).toMatchObject({ records: 2, changedRecords: 1 });
    const fr = await record(a.orgId, 'fr-run');
    expect(fr.intensityGCo2ePerKwh).toBe(10);
    expect(fr.locationKgCo2e).toBeCloseTo(1, 9);
    const frDetail = await getUsageRecordDetail({ orgId: a.orgId }, fr.id);
    expect(JSON.stringify(frDetail?.factorRefs)).toContain('Organisation override: Supplier disclosure 2025');
    expect((await record(b.orgId, 'fr-run')).intensityGCo2ePerKwh).toBe(56);
    expect(await restatementsOf(b.orgId)).toEqual([]);
    const libraryB = await getFactorLibrary({ orgId: b.orgId });
    expect(libraryB.gridFactors.some((f) => f.id.startsWith('org:'))).toBe(false);
    const audit = await getPrisma().auditEvent.findFirstOrThrow({ where: { orgId: a.orgId } });
    expect(audit.action).toBe('factor.override.created');
  });

  test('deleting the override restores the bundled factor and restates back', async () => {
    const ctx = await createOrgWithRecords();
    await createGridFactorOverride(ctx, frOverride, { now: NOW });
    const [override] = await getPrisma().emissionFactor.findMany({ where: { orgId: ctx.orgId } });
    expect(override).toBeDefined();
    const result = await deleteFactorOverride(ctx, { kind: 'grid', id: override?.id ?? '' }, { now: NOW });
    expect(result.changedRecords).toBe(1);
    expect((await record(ctx.orgId, 'fr-run')).intensityGCo2ePerKwh).toBe(56);
    const intensity = (await restatementsOf(ctx.orgId)).filter((e) => e.field === 'intensityGCo2ePerKwh');
    expect(intensity.map((e) => e.reason)).toContain(
      'Factor override removed: grid factor FR 10 g/kWh (lifecycle) for 2025-01-01..2026-01-01',
    );
    expect(intensity.map((e) => [e.oldValue, e.newValue])).toEqual(
      expect.arrayContaining([
        ['56', '10'],
        ['10', '56'],
      ]),
    );
  });

  test('location and accelerator overrides replace PUE and TDP for the organisation', async () => {
    const ctx = await createOrgWithRecords();
    await getPrisma().usageRecord.updateMany({ where: { orgId: ctx.orgId }, data: { pueOverride: null } });
    await createLocationOverride(
      ctx,
      ZLocationOverrideInput.parse({
        provider: 'other',
        regionCode: 'DE',
        gridZone: 'de',
        pue: '1.3',
        wueLPerKwh: '',
        source: 'Our colo contract',
      }),
      { now: NOW },
    );
    await createAcceleratorOverride(
      ctx,
      ZAcceleratorOverrideInput.parse({
        name: 'Test GPU',
        tdpW: '700',
        memoryGb: '',
        embodiedKgCo2e: '',
        source: 'Spec sheet',
      }),
      { now: NOW },
    );
    const de = await record(ctx.orgId, 'de-run');
    // Bundled: 40 W idle + 0.5 × (400 − 40) = 220 W. Override: idle 0.11 × 700 = 77 W, + 0.5 × (700 − 77).
    expect(de.powerPerDeviceW).toBeCloseTo(77 + 0.5 * (700 - 77), 9);
    expect(de.acceleratorCatalogId).toMatch(/^org:accelerator:/);
    expect(de.pueApplied).toBe(1.3);
  });

  test('a viewer is refused and nothing is written', async () => {
    const ctx = await createOrgWithRecords();
    const viewer = { ...ctx, role: 'viewer' as const };
    await expect(createGridFactorOverride(viewer, frOverride, { now: NOW })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      updateOrganizationSettings(viewer, settings({ defaultBasis: 'direct' }), { now: NOW }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await getPrisma().emissionFactor.count({ where: { orgId: ctx.orgId } })).toBe(0);
    expect(
      (await getPrisma().organization.findUniqueOrThrow({ where: { id: ctx.orgId } })).defaultBasis,
    ).toBe('lifecycle');
  });
});
