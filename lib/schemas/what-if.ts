import { z } from 'zod';
import { COMPRESSION_TECHNIQUES } from '@/lib/insights/compression';
import { PROVIDERS } from './usage-record';

/** One what-if scenario and its parameters (shared by the what-if panel and the server action). */
export const ZWhatIfScenario = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('region'),
    provider: z.enum(PROVIDERS, { message: 'Choose a provider' }),
    region: z.string().trim().min(1, 'Enter a region code, e.g. swedencentral').max(100),
  }),
  z.object({
    kind: z.literal('time'),
    withinHours: z.coerce
      .number({ message: 'Span must be a number of hours' })
      .int('Span must be whole hours')
      .min(1, 'Span must be at least 1 hour')
      .max(720, 'Span must be at most 720 hours (30 days)'),
  }),
  z.object({
    kind: z.literal('hardware'),
    accelerator: z.string().trim().min(1, 'Choose an accelerator').max(100),
  }),
  z.object({ kind: z.literal('compression'), technique: z.enum(COMPRESSION_TECHNIQUES) }),
  z.object({
    kind: z.literal('reuse'),
    fineTuneSharePct: z.coerce
      .number({ message: 'Fine-tune share must be a number' })
      .min(0.01, 'Fine-tune share must be at least 0.01 %')
      .max(100, 'Fine-tune share must be at most 100 %')
      .optional(),
  }),
]);
export type TWhatIfScenario = z.output<typeof ZWhatIfScenario>;
export type TWhatIfKind = TWhatIfScenario['kind'];

/** What the scenario applies to: one stored record, or the records matching dashboard filters (query string). */
export const ZWhatIfTarget = z.discriminatedUnion('type', [
  z.object({ type: z.literal('record'), recordId: z.uuid('Unknown record') }),
  z.object({ type: z.literal('filters'), query: z.string().max(4000) }),
]);

export const ZWhatIfInput = z.object({
  target: ZWhatIfTarget,
  scenario: ZWhatIfScenario,
  /** Price per facility kWh for the cost delta; empty = the sourced default. */
  electricityPricePerKwh: z.coerce
    .number({ message: 'Price must be a number' })
    .min(0, 'Price cannot be negative')
    .max(10, 'Price must be at most 10 per kWh')
    .optional(),
});
export type TWhatIfInput = z.output<typeof ZWhatIfInput>;
