import { z } from 'zod';
import { PROVIDERS, readInstantIn } from './usage-record';

const intParam = (name: string, max: number) =>
  z.coerce
    .number({ message: `${name} must be a whole number of hours` })
    .int(`${name} must be a whole number of hours`)
    .min(1, `${name} must be at least 1`)
    .max(max, `${name} must be at most ${max}`);

/** GET /api/v1/forecast/best-window query (strings from the URL, coerced). */
export const ZBestWindowQuery = z
  .object({
    region: z
      .string({ message: 'region is required (a cloud region such as us-east-1 or a grid zone such as DE)' })
      .trim()
      .min(1, 'region is required (a cloud region such as us-east-1 or a grid zone such as DE)')
      .max(100),
    provider: z.enum(PROVIDERS).optional(),
    hours: intParam('hours', 168),
    within: intParam('within', 720),
    // With its offset, like every API timestamp: Date.parse would read a naive value in the server's zone.
    from: z
      .string()
      .superRefine((v, ctx) => {
        const read = readInstantIn(v, null);
        if (typeof read === 'string') {
          ctx.addIssue({ code: 'custom', message: `from: ${read}` });
        }
      })
      .optional(),
  })
  .refine((q) => q.within >= q.hours, { path: ['within'], message: 'within must be at least hours' });
export type TBestWindowQuery = z.output<typeof ZBestWindowQuery>;

export const ZBestWindowResponse = z.object({
  label: z.literal('historical-profile based'),
  region: z.string(),
  provider: z.string().nullable(),
  gridZone: z.string(),
  basis: z.enum(['direct', 'lifecycle']),
  profile: z.object({ zone: z.string(), year: z.number().int(), source: z.string() }),
  request: z.object({ from: z.string(), hours: z.number().int(), within: z.number().int() }),
  bestStart: z.string().meta({ description: 'Cleanest start (UTC, on the hour), ISO 8601' }),
  bestEnd: z.string(),
  offsetHours: z.number().int(),
  bestMeanGCo2ePerKwh: z.number(),
  plannedMeanGCo2ePerKwh: z.number().meta({ description: 'Mean intensity when starting at `from`' }),
  savingPercent: z.number(),
  note: z.string(),
});
export type TBestWindowResponse = z.output<typeof ZBestWindowResponse>;
