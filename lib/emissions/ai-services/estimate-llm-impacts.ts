import { ECOLOGITS_CONSTANTS as C } from './ecologits-constants';
import { combineRanges, mapRange, type TValueRange, toRange } from './value-range';

/** Electricity-mix factors of one zone (reference/ecologits/electricity_mixes.csv columns). */
export interface TElectricityMix {
  /** kgCO2e per kWh. */
  gwpKgPerKwh: number;
  /** kgSbeq per kWh. */
  adpeKgSbPerKwh: number;
  /** MJ of primary energy per kWh. */
  peMjPerKwh: number;
  /** Off-site water (electricity generation), L per kWh. */
  wueOffsiteLPerKwh: number;
}

/** Inputs of one LLM inference estimate (EcoLogits `compute_llm_impacts`). Parameters in billions. */
export interface TLlmImpactInput {
  activeParamsB: number | TValueRange;
  totalParamsB: number | TValueRange;
  outputTokens: number;
  /** Measured wall-clock time of the request, s: an upper bound on generation time. Infinity when unknown. */
  requestLatencyS: number;
  mix: TElectricityMix;
  pue: number | TValueRange;
  /** On-site (cooling) water, L per kWh. */
  wueOnsiteLPerKwh: number | TValueRange;
}

/** One run of the chain with fixed parameter counts (the low or the high run). */
export interface TLlmImpactRun {
  activeParamsB: number;
  totalParamsB: number;
  /** kWh per GPU before PUE. */
  gpuEnergyKwh: number;
  /** Generation time, s (capped by the request latency). */
  generationLatencyS: number;
  modelMemoryGb: number;
  gpuCount: number;
  /** Server share without GPUs, kWh before PUE. */
  serverEnergyKwh: number;
  /** Facility energy (PUE included), kWh. */
  requestEnergyKwh: TValueRange;
  usageGwpKg: TValueRange;
  usageAdpeKgSb: TValueRange;
  usagePeMj: TValueRange;
  waterOnsiteL: TValueRange;
  waterOffsiteL: TValueRange;
  /** Embodied GWP of the server share plus GPUs, kgCO2e (before time allocation). */
  serverGpuEmbodiedGwpKg: number;
  embodiedGwpKg: number;
  embodiedAdpeKgSb: number;
  embodiedPeMj: number;
}

/** Outputs as ranges (min of the low run, max of the high run); energy and water are usage only. */
export interface TLlmImpacts {
  energyKwh: TValueRange;
  gwpKg: TValueRange;
  adpeKgSb: TValueRange;
  peMj: TValueRange;
  /** Total water (on-site + off-site), L. */
  waterL: TValueRange;
  waterOnsiteL: TValueRange;
  waterOffsiteL: TValueRange;
  usage: { gwpKg: TValueRange; adpeKgSb: TValueRange; peMj: TValueRange };
  embodied: { gwpKg: TValueRange; adpeKgSb: TValueRange; peMj: TValueRange };
  runs: [low: TLlmImpactRun, high: TLlmImpactRun];
}

/** Wh per output token on one GPU at the fixed batch size. */
export function gpuEnergyPerTokenWh(activeParamsB: number): number {
  return C.gpuEnergyAlpha * Math.exp(C.gpuEnergyBeta * C.batchSize) * activeParamsB + C.gpuEnergyGamma;
}

/** Seconds per output token at the fixed batch size. */
export function latencyPerTokenS(activeParamsB: number): number {
  return C.latencyAlpha * activeParamsB + C.latencyBeta * C.batchSize + C.latencyGamma;
}

/** GPUs (80 GB) to hold the weights in 16-bit with 20 % overhead, rounded up to a power of two. */
export function requiredGpuCount(totalParamsB: number): { memoryGb: number; gpus: number } {
  const memoryGb = (C.memoryOverhead * totalParamsB * C.modelQuantizationBits) / 8;
  const gpus = 2 ** Math.ceil(Math.log2(Math.ceil(memoryGb / C.gpuMemoryGb)));
  return { memoryGb, gpus };
}

function runOnce(
  activeParamsB: number,
  totalParamsB: number,
  input: TLlmImpactInput,
  pue: TValueRange,
  wueOnsite: TValueRange,
): TLlmImpactRun {
  const n = input.outputTokens;
  const gpuEnergyKwh = (n * gpuEnergyPerTokenWh(activeParamsB)) / 1000;
  const generationLatencyS = Math.min(n * latencyPerTokenS(activeParamsB), input.requestLatencyS);
  const { memoryGb, gpus } = requiredGpuCount(totalParamsB);
  // Host share: the 8-GPU server's non-GPU power, pro rata by GPUs used and by the batch.
  const serverEnergyKwh =
    (generationLatencyS / 3600) * C.serverPowerKw * (gpus / C.serverGpus) * (1 / C.batchSize);
  const itEnergyKwh = serverEnergyKwh + gpus * gpuEnergyKwh;
  const requestEnergyKwh = mapRange(pue, (p) => p * itEnergyKwh);
  const { mix } = input;
  // Water as EcoLogits codes it: the PUE-inclusive energy times (WUE on-site + PUE × WUE off-site).
  const waterOnsiteL = combineRanges(requestEnergyKwh, wueOnsite, (e, w) => e * w);
  const waterOffsiteL = combineRanges(requestEnergyKwh, pue, (e, p) => e * p * mix.wueOffsiteLPerKwh);
  const share = generationLatencyS / (C.hardwareLifespanS * C.batchSize);
  const serverShare = gpus / C.serverGpus;
  const serverGpuEmbodiedGwpKg = serverShare * C.serverEmbodiedGwpKg + gpus * C.gpuEmbodiedGwpKg;
  return {
    activeParamsB,
    totalParamsB,
    gpuEnergyKwh,
    generationLatencyS,
    modelMemoryGb: memoryGb,
    gpuCount: gpus,
    serverEnergyKwh,
    requestEnergyKwh,
    usageGwpKg: mapRange(requestEnergyKwh, (e) => e * mix.gwpKgPerKwh),
    usageAdpeKgSb: mapRange(requestEnergyKwh, (e) => e * mix.adpeKgSbPerKwh),
    usagePeMj: mapRange(requestEnergyKwh, (e) => e * mix.peMjPerKwh),
    waterOnsiteL,
    waterOffsiteL,
    serverGpuEmbodiedGwpKg,
    embodiedGwpKg: share * serverGpuEmbodiedGwpKg,
    embodiedAdpeKgSb: share * (serverShare * C.serverEmbodiedAdpeKgSb + gpus * C.gpuEmbodiedAdpeKgSb),
    embodiedPeMj: share * (serverShare * C.serverEmbodiedPeMj + gpus * C.gpuEmbodiedPeMj),
  };
}

const span = (low: TValueRange, high: TValueRange): TValueRange => ({ min: low.min, max: high.max });
const add = (a: TValueRange, b: number): TValueRange => ({ min: a.min + b, max: a.max + b });

/**
 * Energy, GHG, water, ADPe and primary energy of one LLM request by the EcoLogits 0.9.1 method. Parameter ranges
 * run the chain twice (min and max parameters); within a run PUE/WUE ranges combine min with min and max with max;
 * the result spans the low run's min to the high run's max. Input tokens carry no weight in this method. Pure.
 */
export function estimateLlmImpacts(input: TLlmImpactInput): TLlmImpacts {
  const active = toRange(input.activeParamsB);
  const total = toRange(input.totalParamsB);
  const pue = toRange(input.pue);
  const wue = toRange(input.wueOnsiteLPerKwh);
  const low = runOnce(active.min, total.min, input, pue, wue);
  const high = runOnce(active.max, total.max, input, pue, wue);
  const waterOnsiteL = span(low.waterOnsiteL, high.waterOnsiteL);
  const waterOffsiteL = span(low.waterOffsiteL, high.waterOffsiteL);
  return {
    energyKwh: span(low.requestEnergyKwh, high.requestEnergyKwh),
    gwpKg: span(add(low.usageGwpKg, low.embodiedGwpKg), add(high.usageGwpKg, high.embodiedGwpKg)),
    adpeKgSb: span(
      add(low.usageAdpeKgSb, low.embodiedAdpeKgSb),
      add(high.usageAdpeKgSb, high.embodiedAdpeKgSb),
    ),
    peMj: span(add(low.usagePeMj, low.embodiedPeMj), add(high.usagePeMj, high.embodiedPeMj)),
    waterL: {
      min: low.waterOnsiteL.min + low.waterOffsiteL.min,
      max: high.waterOnsiteL.max + high.waterOffsiteL.max,
    },
    waterOnsiteL,
    waterOffsiteL,
    usage: {
      gwpKg: span(low.usageGwpKg, high.usageGwpKg),
      adpeKgSb: span(low.usageAdpeKgSb, high.usageAdpeKgSb),
      peMj: span(low.usagePeMj, high.usagePeMj),
    },
    embodied: {
      gwpKg: { min: low.embodiedGwpKg, max: high.embodiedGwpKg },
      adpeKgSb: { min: low.embodiedAdpeKgSb, max: high.embodiedAdpeKgSb },
      peMj: { min: low.embodiedPeMj, max: high.embodiedPeMj },
    },
    runs: [low, high],
  };
}
