import 'server-only';
import { DEMO_HARDWARE } from '@/lib/demo/hardware';
import type { TDemoModel } from '@/lib/demo/types';
import type { FactorLibrary } from '@/lib/emissions/factor-library-types';
import { getPrisma } from '@/lib/server/db/prisma';

/**
 * Demo hardware register and model lineages (issues #5, #6): catalog assets copy the factor library's embodied
 * figure and source, as the /settings/hardware form does.
 */
export async function seedDemoHardwareAndLineage(
  ctx: { orgId: string },
  models: readonly TDemoModel[],
  library: FactorLibrary,
): Promise<void> {
  const prisma = getPrisma();
  await prisma.hardwareAsset.createMany({
    data: DEMO_HARDWARE.map((h) => {
      const spec = library.accelerators.find((a) => a.id === h.acceleratorId);
      const perUnit = h.embodiedKgCo2ePerUnit ?? spec?.embodiedKgCo2e;
      if (perUnit === undefined) {
        throw new Error(`Demo hardware ${h.name}: accelerator ${h.acceleratorId} not in the factor library.`);
      }
      return {
        orgId: ctx.orgId,
        name: h.name,
        hardwareType: h.hardwareType ?? spec?.name ?? 'unknown',
        acceleratorId: h.acceleratorId,
        unitCount: h.unitCount,
        purchasedOn: new Date(`${h.purchasedOn}T00:00:00Z`),
        embodiedKgCo2ePerUnit: perUnit,
        embodiedSource: h.embodiedSource ?? `factor library ${spec?.datasetVersion}: ${spec?.source}`,
        expectedLifetimeYears: h.expectedLifetimeYears,
        location: h.location,
        retiredOn: h.retiredOn ? new Date(`${h.retiredOn}T00:00:00Z`) : null,
      };
    }),
  });
  await prisma.modelLineage.createMany({
    data: models.map((m) => ({
      orgId: ctx.orgId,
      model: m.name,
      family: m.family,
      baseModel: m.baseModel ?? null,
    })),
  });
}
