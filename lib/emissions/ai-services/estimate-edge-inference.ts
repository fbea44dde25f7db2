import type { TAiServiceFlag } from './ai-service-flags';
import { midpoint, type TValueRange } from './value-range';

/** Where on-device inference runs (docs/METHODOLOGY.md "Edge and on-device inference"). */
export type TEdgeDeviceClass = 'phone' | 'laptop' | 'desktop' | 'embedded';

/**
 * Published energy per generated token by device class, J/token, each from one or two measurements (thin
 * evidence, always flagged): laptop 0.259 (RTX 4050 laptop GPU, 34.1 W / 131.7 tokens/s, Qwen 2.5 1.5B 4-bit;
 * Tummalapalli et al., arXiv:2603.23640) to 0.413 (Apple M1 Pro, 2.42 tokens/J; self-published dev.to benchmark);
 * desktop 1.11 (RTX 3080, 0.90 tokens/J; same benchmark); embedded NPU 0.29 (Hailo-10H, under 2 W / 6.9 tokens/s:
 * an upper bound). No published phone figure: phones need a measured or stated value.
 */
export const EDGE_JOULES_PER_TOKEN: Readonly<Record<TEdgeDeviceClass, TValueRange | null>> = {
  laptop: { min: 0.259, max: 0.413 },
  desktop: { min: 1.11, max: 1.11 },
  embedded: { min: 0.29, max: 0.29 },
  phone: null,
};

export interface TEdgeInferenceInput {
  deviceClass: TEdgeDeviceClass;
  deviceCount: number;
  /** Per device over the period; give inferences with `energyPerInferenceWh`, or tokens (J/token known or default). */
  inferencesPerDevice?: number;
  energyPerInferenceWh?: number;
  tokensPerDevice?: number;
  joulesPerToken?: number;
  /** Grid factor of the devices' location (not a cloud region), kg CO2e per kWh. */
  gridKgCo2ePerKwh: number;
  /** Off-site water of that grid's electricity, L per kWh; omitted = not estimated. */
  gridWaterLPerKwh?: number;
}

export type TEdgeInferenceResult =
  | {
      ok: true;
      energyKwh: number;
      energyKwhRange: TValueRange;
      pue: 1;
      kgCo2e: number;
      kgCo2eRange: TValueRange;
      waterOnsiteL: 0;
      waterOffsiteL: number | null;
      flags: TAiServiceFlag[];
    }
  | { ok: false; field: string; message: string };

/**
 * Energy and CO2e of inference on employees' devices or shipped products: device energy only (no data-centre
 * PUE, no cooling water), from a stated energy per inference, a stated J/token, or the device class's published
 * J/token (flagged thin evidence). Device embodied emissions are not allocated here. Pure.
 */
export function estimateEdgeInference(input: TEdgeInferenceInput): TEdgeInferenceResult {
  if (!(input.deviceCount > 0)) {
    return { ok: false, field: 'deviceCount', message: 'deviceCount must be above 0' };
  }
  const flags: TAiServiceFlag[] = ['EDGE_DEVICE_BOUNDARY'];
  let perDeviceKwh: TValueRange;
  if (input.inferencesPerDevice !== undefined && input.energyPerInferenceWh !== undefined) {
    const kwh = (input.inferencesPerDevice * input.energyPerInferenceWh) / 1000;
    perDeviceKwh = { min: kwh, max: kwh };
  } else if (input.tokensPerDevice !== undefined) {
    const reference = input.joulesPerToken !== undefined ? null : EDGE_JOULES_PER_TOKEN[input.deviceClass];
    const joules =
      input.joulesPerToken !== undefined
        ? { min: input.joulesPerToken, max: input.joulesPerToken }
        : reference;
    if (!joules) {
      return {
        ok: false,
        field: 'joulesPerToken',
        message: `no published energy per token for a ${input.deviceClass}: give joules per token or energy per inference (measured or from the vendor)`,
      };
    }
    if (reference) {
      flags.push('EDGE_THIN_EVIDENCE');
    }
    const tokens = input.tokensPerDevice;
    perDeviceKwh = { min: (tokens * joules.min) / 3.6e6, max: (tokens * joules.max) / 3.6e6 };
  } else {
    return {
      ok: false,
      field: 'inferencesPerDevice',
      message: 'give inferences with energy per inference, or tokens (with joules per token when known)',
    };
  }
  const energyKwhRange = {
    min: perDeviceKwh.min * input.deviceCount,
    max: perDeviceKwh.max * input.deviceCount,
  };
  const energyKwh = midpoint(energyKwhRange);
  return {
    ok: true,
    energyKwh,
    energyKwhRange,
    pue: 1,
    kgCo2e: energyKwh * input.gridKgCo2ePerKwh,
    kgCo2eRange: {
      min: energyKwhRange.min * input.gridKgCo2ePerKwh,
      max: energyKwhRange.max * input.gridKgCo2ePerKwh,
    },
    waterOnsiteL: 0,
    waterOffsiteL: input.gridWaterLPerKwh === undefined ? null : energyKwh * input.gridWaterLPerKwh,
    flags,
  };
}
