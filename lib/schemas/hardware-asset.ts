import { z } from 'zod';

const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-08-15.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'Not a valid date.');

/** Empty form fields ("") count as absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/**
 * One owned hardware asset (Scope 3 Cat 2 register). Either a catalog accelerator (its embodied kg CO2e per unit
 * and source are copied from the factor library) or an explicit per-unit figure with its source (e.g. a PCF).
 */
export const ZHardwareAssetInput = z
  .object({
    name: z.string().trim().min(1, 'Give the asset a name.').max(120),
    acceleratorId: optional(z.string().trim().max(120)),
    hardwareType: optional(z.string().trim().max(120)),
    unitCount: z.coerce.number().int('Whole units only.').min(1).max(1_000_000),
    purchasedOn: isoDay,
    embodiedKgCo2ePerUnit: optional(z.coerce.number().min(0).max(1_000_000)),
    embodiedSource: optional(z.string().trim().max(300)),
    expectedLifetimeYears: z.coerce.number().gt(0, 'Lifetime must be positive.').max(30),
    location: optional(z.string().trim().max(120)),
    retiredOn: optional(isoDay),
  })
  .superRefine((v, ctx) => {
    if (!v.acceleratorId && v.embodiedKgCo2ePerUnit === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['embodiedKgCo2ePerUnit'],
        message: 'Pick a catalog accelerator or give the embodied kg CO2e per unit.',
      });
    }
    if (!v.acceleratorId && !v.hardwareType) {
      ctx.addIssue({ code: 'custom', path: ['hardwareType'], message: 'Give the hardware type.' });
    }
    if (v.embodiedKgCo2ePerUnit !== undefined && !v.embodiedSource) {
      ctx.addIssue({
        code: 'custom',
        path: ['embodiedSource'],
        message: 'Say where the embodied figure comes from (PCF, supplier, estimate).',
      });
    }
    if (v.retiredOn && v.retiredOn < v.purchasedOn) {
      ctx.addIssue({ code: 'custom', path: ['retiredOn'], message: 'Retirement is before purchase.' });
    }
  });
export type THardwareAssetInput = z.output<typeof ZHardwareAssetInput>;

export const ZHardwareAssetId = z.object({ id: z.uuid('Unknown asset.') });

export const ZRetireHardwareAssetInput = z.object({ id: z.uuid('Unknown asset.'), retiredOn: isoDay });
