import { z } from 'zod';

const ZPositive = z.number().positive();

/**
 * On-device inference of one row of `POST /api/v1/ai-usage` (issue #21 item 6; docs/API.md "On-device
 * inference"): on employees' devices or in shipped products, energy of the devices only (no data-centre PUE or
 * water). Give `inferencesPerDevice` with `energyPerInferenceWh`, or `tokensPerDevice` (with `joulesPerToken`
 * when measured; else the device class's published default, flagged thin evidence; phones have none).
 */
export const ZEdgeUsageInput = z.strictObject({
  deviceClass: z.enum(['phone', 'laptop', 'desktop', 'embedded']).meta({ description: 'Device class' }),
  deviceCount: ZPositive.meta({ description: 'Devices running the inference over the period' }),
  ownership: z.enum(['company', 'shipped']).meta({
    description: 'company = your devices (Scope 2); shipped = products you sold (Scope 3 Category 11)',
  }),
  country: z.string().trim().min(1).max(100).meta({
    description: 'Country of the devices (name or ISO code): its grid factor is used',
  }),
  inferencesPerDevice: ZPositive.optional().meta({ description: 'Inferences per device over the period' }),
  energyPerInferenceWh: ZPositive.optional().meta({
    description: 'Measured or stated energy per inference, Wh',
  }),
  tokensPerDevice: ZPositive.optional().meta({ description: 'Generated tokens per device over the period' }),
  joulesPerToken: ZPositive.optional().meta({
    description:
      'Measured or stated energy per token, J (default: the device class reference, thin evidence)',
  }),
});
export type TEdgeUsageInput = z.output<typeof ZEdgeUsageInput>;
