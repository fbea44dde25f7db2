import { z } from 'zod';

const empty = (v: unknown) => (v === '' || v === null || v === undefined ? null : v);
const year = z.coerce.number().int().min(2000).max(2100);
const value = z.coerce.number().finite().nonnegative().max(1e12);

export const ZPeriodKind = z.enum(['quarter', 'year']);
export const ZEmissionsBasis = z.enum(['location', 'market']);
export const ZTargetMetric = z.enum(['absolute', 'intensity']);

/**
 * A reduction target (docs/TARGETS.md). absolute values are tCO2e per period (quarter or year); intensity values
 * are gCO2e per 1,000 requests. An empty base value is computed from the base year's records.
 */
export const ZTargetInput = z
  .object({
    id: z.preprocess(empty, z.uuid().nullable()),
    name: z.string().trim().min(1, 'Give the target a name.').max(120),
    /** Empty = organisation-wide. */
    teamId: z.preprocess(empty, z.uuid().nullable()),
    metric: ZTargetMetric,
    basis: ZEmissionsBasis,
    periodKind: ZPeriodKind,
    baseYear: year,
    baseValue: z.preprocess(empty, value.nullable()),
    targetYear: year,
    targetValue: value,
  })
  .refine((t) => t.targetYear > t.baseYear, {
    path: ['targetYear'],
    message: 'The target year must come after the base year.',
  });

export type TTargetInput = z.output<typeof ZTargetInput>;

/** A team's carbon budget in kg CO2e for every quarter or year. */
export const ZBudgetInput = z.object({
  id: z.preprocess(empty, z.uuid().nullable()),
  teamId: z.uuid('Choose a team.'),
  periodKind: ZPeriodKind,
  basis: ZEmissionsBasis,
  amountKgCo2e: z.coerce.number().finite().positive('The budget must be above 0 kg.').max(1e12),
});

export type TBudgetInput = z.output<typeof ZBudgetInput>;

export const ZDeleteByIdInput = z.object({ id: z.uuid() });

/** The organisation's alert webhook (Settings → Organisation). An empty secret keeps the stored one. */
export const ZAlertWebhookInput = z.object({
  url: z.url({ protocol: /^https?$/, message: 'Use an http(s) URL.' }).max(2000),
  secret: z.preprocess(
    empty,
    z.string().min(16, 'Use a secret of at least 16 characters.').max(200).nullable(),
  ),
  enabled: z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean()),
});

export type TAlertWebhookInput = z.output<typeof ZAlertWebhookInput>;

export const ZDismissAlertInput = z.object({ alertId: z.uuid() });
