import { z } from 'zod';
import { PROVIDERS } from './usage-record';

const price = (what: string) =>
  z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce
      .number({ message: `${what} must be a number` })
      .min(0, `${what} cannot be negative`)
      .max(1_000_000, `${what} must be at most 1,000,000`)
      .optional(),
  );

/** What the usage switches to: another model of the same service, or an open model on own accelerators. */
export const ZSwitchTarget = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('model'),
    model: z.string().trim().min(1, 'Choose a target model').max(200),
    inputPricePer1m: price('Input price per 1M tokens'),
    outputPricePer1m: price('Output price per 1M tokens'),
  }),
  z.object({
    kind: z.literal('self-host'),
    model: z.string().trim().min(1, 'Choose an open model').max(200),
    accelerator: z.string().trim().min(1, 'Choose an accelerator').max(100),
    provider: z.enum(PROVIDERS, { message: 'Choose where it runs' }),
    region: z.string().trim().min(1, 'Enter a region or site code').max(100),
    gpuHourPrice: price('Accelerator-hour price'),
  }),
]);

/** What-if "switch model" (issue #21): the selected AI usage (service + model over the filters' period). */
export const ZSwitchModelInput = z.object({
  service: z.string().trim().min(1, 'Choose the current AI usage').max(100),
  model: z.string().trim().min(1, 'Choose the current AI usage').max(200),
  /** Dashboard filters (query string) selecting the period and slices. */
  query: z.string().max(4000),
  target: ZSwitchTarget,
  /** Price per facility kWh for self-hosting; empty = the organisation's or the sourced default. */
  electricityPricePerKwh: price('Electricity price'),
});
export type TSwitchModelInput = z.output<typeof ZSwitchModelInput>;
