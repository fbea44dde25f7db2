import { z } from 'zod';
import { parseIsoInstant } from './usage-record';

/** Contractual instruments for market-based CO2e (GHG Protocol Scope 2 quality criteria apply). */
export const CONTRACT_INSTRUMENTS = ['REC', 'GO', 'PPA', 'GREEN_TARIFF', 'SUPPLIER_RATE'] as const;

const ZInstant = z.string().transform((value, ctx) => {
  const date = parseIsoInstant(value);
  if (!date) {
    ctx.addIssue({ code: 'custom', message: 'Use an ISO 8601 date such as 2026-01-01.' });
    return z.NEVER;
  }
  return date;
});

/** `POST /api/v1/energy-contracts`: one instrument over the half-open period [periodStart, periodEnd). */
export const ZEnergyContractCreate = z
  .object({
    /** Unique per organisation (certificate or contract number); cited by results' market allocations. */
    reference: z.string().trim().min(1).max(200),
    instrumentType: z.enum(CONTRACT_INSTRUMENTS),
    /** Grid zone or country the instrument covers (matches a record's grid zone or country), e.g. FR. */
    marketZone: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, 'Use a grid-zone code such as FR or US-CAL-CISO.'),
    periodStart: ZInstant,
    periodEnd: ZInstant,
    volumeMwh: z.number().finite().positive().max(100_000_000),
    gCo2ePerKwh: z.number().finite().nonnegative().max(5_000),
    supplier: z.string().trim().min(1).max(200).optional(),
  })
  .refine((c) => c.periodEnd.getTime() > c.periodStart.getTime(), {
    path: ['periodEnd'],
    message: 'periodEnd must be after periodStart.',
  });
export type TEnergyContractCreate = z.output<typeof ZEnergyContractCreate>;

export const ZEnergyContract = z.object({
  id: z.string(),
  reference: z.string(),
  instrumentType: z.enum(CONTRACT_INSTRUMENTS),
  marketZone: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  volumeMwh: z.number(),
  gCo2ePerKwh: z.number(),
  supplier: z.string().nullable(),
});
export const ZEnergyContractList = z.object({ contracts: z.array(ZEnergyContract) });
export const ZEnergyContractChange = z.object({
  contract: ZEnergyContract,
  recompute: z.object({
    records: z.number().int(),
    changedRecords: z.number().int(),
    restatements: z.number().int(),
  }),
});
