import { z } from 'zod';
import { PROVIDERS, parseIsoInstant } from './usage-record';

// Organisation overrides of bundled factors (Factors page). Form values arrive as strings, hence the coercion.
const ZDate = z.string().transform((value, ctx) => {
  const date = parseIsoInstant(value);
  if (!date) {
    ctx.addIssue({ code: 'custom', message: 'Use an ISO 8601 date such as 2025-01-01.' });
    return z.NEVER;
  }
  return date;
});
const ZSource = z.string().trim().min(3, 'Say where the value comes from.').max(300);
const optionalNumber = (max: number) =>
  z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? null : v),
    z.coerce.number().finite().nonnegative().max(max).nullable(),
  );

/** A custom grid intensity for a zone, valid over the half-open period [validFrom, validTo). */
export const ZGridFactorOverrideInput = z
  .object({
    zone: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, 'Use a grid-zone code such as FR or US-CAL-CISO.'),
    validFrom: ZDate,
    validTo: ZDate,
    gCo2ePerKwh: z.coerce.number().finite().nonnegative().max(5_000),
    basis: z.enum(['direct', 'lifecycle']),
    source: ZSource,
  })
  .refine((v) => v.validTo.getTime() > v.validFrom.getTime(), {
    path: ['validTo'],
    message: 'The end of validity must be after its start.',
  });
export type TGridFactorOverrideInput = z.output<typeof ZGridFactorOverrideInput>;

/** A custom PUE/WUE (and grid zone) for a provider region or on-premise site. */
export const ZLocationOverrideInput = z.object({
  provider: z.enum(PROVIDERS),
  regionCode: z.string().trim().min(1).max(100),
  gridZone: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, 'Use a grid-zone code such as FR or US-CAL-CISO.'),
  pue: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce.number().finite().min(1).max(5).nullable(),
  ),
  wueLPerKwh: optionalNumber(50),
  source: ZSource,
});
export type TLocationOverrideInput = z.output<typeof ZLocationOverrideInput>;

/** A custom accelerator (or a replacement for a bundled one of the same name). */
export const ZAcceleratorOverrideInput = z.object({
  name: z.string().trim().min(1).max(100),
  tdpW: z.coerce.number().finite().positive().max(100_000),
  memoryGb: optionalNumber(10_000),
  embodiedKgCo2e: optionalNumber(1_000_000),
  source: ZSource,
});
export type TAcceleratorOverrideInput = z.output<typeof ZAcceleratorOverrideInput>;

export const FACTOR_OVERRIDE_KINDS = ['grid', 'location', 'accelerator'] as const;
export const ZDeleteFactorOverrideInput = z.object({
  kind: z.enum(FACTOR_OVERRIDE_KINDS),
  id: z.string().min(1).max(200),
});
export type TDeleteFactorOverrideInput = z.output<typeof ZDeleteFactorOverrideInput>;
