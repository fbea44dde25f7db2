import { z } from 'zod';
import { isValidTimeZone } from '@/lib/emissions/time-zone';

const optionalNumber = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? null : v),
  z.coerce.number().finite().nonnegative().max(100_000).nullable(),
);

/**
 * Organisation settings (Settings → Organisation). Basis and embodied lifetime change computed results, so
 * changing them recomputes every record and logs restatements; the carbon price and time zone do not.
 */
export const ZOrganizationSettingsInput = z.object({
  defaultBasis: z.enum(['direct', 'lifecycle']),
  /** Years over which an accelerator's embodied emissions are amortised (SCI M term). */
  embodiedLifetimeYears: z.coerce.number().finite().min(1).max(15),
  /** Internal carbon price per tonne CO2e, in `currency`; empty = none. */
  carbonPricePerTonneCo2e: optionalNumber,
  /** Electricity price per facility kWh, in `currency` (what-if and recommendation cost deltas); empty = none. */
  electricityPricePerKwh: z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? null : v),
    z.coerce.number().finite().nonnegative().max(100).nullable(),
  ),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code such as EUR or USD.'),
  timeZone: z
    .string()
    .trim()
    .refine(isValidTimeZone, 'Use an IANA time-zone name such as Europe/Paris or UTC.'),
});

export type TOrganizationSettingsInput = z.output<typeof ZOrganizationSettingsInput>;
