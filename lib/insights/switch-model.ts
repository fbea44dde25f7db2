import { ECOLOGITS_CONSTANTS } from '@/lib/emissions/ai-services/ecologits-constants';
import {
  estimateAiServiceUsage,
  type TAiServiceFootprint,
  type TAiServiceSite,
} from '@/lib/emissions/ai-services/estimate-ai-service-usage';
import { latencyPerTokenS, requiredGpuCount } from '@/lib/emissions/ai-services/estimate-llm-impacts';
import type { TLlmModel } from '@/lib/emissions/ai-services/llm-model-types';
import { midpoint } from '@/lib/emissions/ai-services/value-range';
import type { TProvider, TUsageRecordInput } from '@/lib/schemas/usage-record';
import { scaleWork } from './scale-work';
import { runEngine, subtractTotals, totalsOf, ZERO_TOTALS } from './totals';
import type { TInsightInputs, TScenarioResult, TScenarioTotals } from './types';

/** The AI usage a switch applies to: one model of one service, its stored records and their token counts. */
export interface TAiUsageSelection {
  /** AI service of the records (openai, anthropic…). */
  service: string;
  model: TLlmModel;
  inputTokens: number;
  outputTokens: number;
  requests: number;
  /** Sum of the records' stored cost (organisation currency); null when any record has none. */
  storedCost: number | null;
  /** The stored engine inputs (IT energy from the AI-services engine, PUE, region). */
  records: readonly TUsageRecordInput[];
  /** The method's embodied share stored with the records, kg CO2e. */
  embodiedKgCo2e: number;
}

/** Another model of the same service, estimated at the current model's site (provider profile and mix). */
export interface TSwitchToModel {
  kind: 'model';
  model: TLlmModel;
  site: TAiServiceSite;
  /** The target's price per 1M input / output tokens in the organisation's currency; absent = not estimated. */
  inputPricePer1m?: number;
  outputPricePer1m?: number;
}

/** An open model run on the organisation's own accelerators in a chosen cloud region or data centre. */
export interface TSelfHost {
  kind: 'self-host';
  model: TLlmModel;
  /** Accelerator of the factor library (name, id or alias). */
  accelerator: string;
  provider: TProvider;
  region: string;
  /** Price of one accelerator-hour (rent or amortisation), organisation currency; absent = electricity only. */
  gpuHourPrice?: number;
}

export type TSwitchTarget = TSwitchToModel | TSelfHost;

/** Cost of the usage before and after, organisation currency; null = not known (never a guessed price). */
export interface TSwitchCost {
  current: number | null;
  target: number | null;
  delta: number | null;
  notes: string[];
}

export interface TSwitchModelResult extends TScenarioResult {
  cost: TSwitchCost;
  /** Accelerators the self-hosted model needs (memory of the weights) and the accelerator-hours it would run. */
  selfHost: { gpuCount: number; acceleratorHours: number } | null;
}

const PER_MILLION = 1_000_000;

/** The current usage re-estimated with the AI-services engine at `site` (tokens as one request: no latency). */
function estimate(selection: TAiUsageSelection, model: TLlmModel, site: TAiServiceSite): TAiServiceFootprint {
  return estimateAiServiceUsage(
    {
      outputTokens: selection.outputTokens,
      inputTokens: selection.inputTokens,
      requests: selection.requests,
    },
    model,
    site,
  );
}

function baselineOf(selection: TAiUsageSelection, inputs: TInsightInputs): TScenarioTotals {
  // The provider's electricity is in its token price: the organisation pays none of it directly.
  const totals = totalsOf(runEngine(selection.records, inputs), 0);
  return { ...totals, embodiedKgCo2e: selection.embodiedKgCo2e };
}

/**
 * Energy of a same-service switch: every stored record's IT energy × E_target / E_current, both from the
 * AI-services engine with the same tokens at the same site (ratio per end of the target's parameter range for the
 * range); then our engine gives CO2e (location, market with contracts) and water like for the stored records.
 */
function switchToModel(selection: TAiUsageSelection, target: TSwitchToModel, inputs: TInsightInputs) {
  const current = estimate(selection, selection.model, target.site);
  const next = estimate(selection, target.model, target.site);
  const footprints = runEngine(selection.records, inputs);
  const run = (energyKwh: number, embodiedKgCo2e: number): TScenarioTotals => {
    const ratio = current.energyKwh > 0 ? energyKwh / current.energyKwh : 1;
    const scaled = selection.records.map((r, i) => {
      const fp = footprints[i];
      return fp ? scaleWork(r, fp, ratio) : r;
    });
    const embodiedRatio = current.embodiedKgCo2e > 0 ? embodiedKgCo2e / current.embodiedKgCo2e : 1;
    return {
      ...totalsOf(runEngine(scaled, inputs), 0),
      embodiedKgCo2e: selection.embodiedKgCo2e * embodiedRatio,
    };
  };
  const embodiedRange = next.impacts.embodied.gwpKg;
  const tokenPrice =
    target.inputPricePer1m !== undefined && target.outputPricePer1m !== undefined
      ? (selection.inputTokens / PER_MILLION) * target.inputPricePer1m +
        (selection.outputTokens / PER_MILLION) * target.outputPricePer1m
      : null;
  return {
    scenario: run(next.energyKwh, next.embodiedKgCo2e),
    low: run(next.energyKwhRange.min, embodiedRange.min),
    high: run(next.energyKwhRange.max, embodiedRange.max),
    targetCost: tokenPrice,
    costNotes:
      tokenPrice === null
        ? [
            'Cost of the target model was not estimated: its token prices are not in our data; enter them to compare.',
          ]
        : [
            'Target cost = input tokens × entered input price + output tokens × entered output price, per 1M tokens.',
          ],
    selfHost: null,
  };
}

/**
 * Self-hosting: the engine's own serving model sizes the work. GPUs = weights in 16 bit + 20 % on 80 GB devices
 * (power of two); each output token keeps them busy f_L(P_active) s at batch B = 64, shared by the batch, so
 * accelerator-hours = GPUs × output tokens × f_L / B / 3600. Our compute path then gives the energy (accelerator
 * power × utilisation × hours, host and PUE of the chosen place), CO2e from our grid factor and water.
 */
function selfHost(selection: TAiUsageSelection, target: TSelfHost, inputs: TInsightInputs) {
  const C = ECOLOGITS_CONSTANTS;
  const hoursFor = (activeB: number, totalB: number) => {
    const gpus = requiredGpuCount(totalB).gpus;
    return {
      gpus,
      hours: (gpus * selection.outputTokens * latencyPerTokenS(activeB)) / C.batchSize / 3600,
    };
  };
  const { activeParamsB: a, totalParamsB: t } = target.model;
  const mid = hoursFor(midpoint(a), midpoint(t));
  const first = selection.records[0];
  const last = selection.records[selection.records.length - 1];
  const record = (hours: number, gpus: number): TUsageRecordInput => ({
    recordId: 'self-host',
    phase: 'inference',
    startedAt: first?.startedAt ?? new Date(0),
    endedAt: last?.endedAt ?? new Date(0),
    provider: target.provider,
    region: target.region,
    accelerator: target.accelerator,
    acceleratorCount: gpus,
    acceleratorHours: hours,
    model: target.model.name,
    tokens: selection.inputTokens + selection.outputTokens,
    ...(selection.requests > 0 ? { requests: selection.requests } : {}),
  });
  const run = (hours: number, gpus: number) => {
    const totals = totalsOf(runEngine([record(hours, gpus)], inputs), inputs.electricityPricePerKwh);
    return { ...totals, electricityCost: inputs.currency ? totals.electricityCost : 0 };
  };
  const low = hoursFor(a.min, t.min);
  const high = hoursFor(a.max, t.max);
  const scenario = run(mid.hours, mid.gpus);
  const gpuCost = target.gpuHourPrice !== undefined ? mid.hours * target.gpuHourPrice : 0;
  const targetCost = inputs.currency ? scenario.electricityCost + gpuCost : null;
  return {
    scenario,
    low: run(low.hours, low.gpus),
    high: run(high.hours, high.gpus),
    targetCost,
    costNotes: [
      targetCost === null
        ? 'Self-hosting cost was not estimated: no electricity price is known in the organisation currency.'
        : target.gpuHourPrice !== undefined
          ? 'Self-hosting cost = facility kWh × electricity price + accelerator-hours × entered accelerator-hour price.'
          : 'Self-hosting cost = facility kWh × electricity price only; enter an accelerator-hour price to include the hardware.',
    ],
    selfHost: { gpuCount: mid.gpus, acceleratorHours: mid.hours },
  };
}

/**
 * What-if "switch model" (issue #21): the selected AI usage re-estimated for another model of the same service,
 * or for self-hosting an open model on chosen accelerators in a chosen place. Energy, CO2e (location and market),
 * embodied and water deltas with their range (the parameter ranges of the target model); cost from the records'
 * stored cost and the entered prices only. Pure: factors, site and prices are arguments.
 */
export function switchModelScenario(
  selection: TAiUsageSelection,
  target: TSwitchTarget,
  inputs: TInsightInputs,
): TSwitchModelResult {
  const baseline = selection.records.length > 0 ? baselineOf(selection, inputs) : { ...ZERO_TOTALS };
  const out =
    target.kind === 'model' ? switchToModel(selection, target, inputs) : selfHost(selection, target, inputs);
  const current = selection.storedCost;
  const costNotes = [
    current === null
      ? 'Current cost not known: the usage records carry no cost.'
      : 'Current cost = the cost stored with the usage records.',
    ...out.costNotes,
  ];
  const sameSite = target.kind === 'model';
  return {
    kind: 'model',
    title:
      target.kind === 'model'
        ? `Switch ${selection.model.name} to ${target.model.name}`
        : `Self-host ${target.model.name} instead of ${selection.model.name}`,
    baseline,
    scenario: out.scenario,
    delta: subtractTotals(out.scenario, baseline),
    // low = smallest saving (the target's largest size), high = largest saving, as for the other scenarios.
    deltaRange: { low: subtractTotals(out.high, baseline), high: subtractTotals(out.low, baseline) },
    affectedRecords: selection.records.length,
    unchanged: [],
    assumptions: [
      'Same output tokens and requests; input tokens carry no energy in the EcoLogits method (as for the stored records).',
      'Closed models have estimated sizes: the range spans the size range of the repository.',
      sameSite
        ? 'The target runs where the current model runs (same provider profile: PUE, WUE and grid).'
        : 'Self-hosting: GPUs from the weights (16-bit, +20 %, 80 GB devices), busy time from the EcoLogits latency fit at batch 64; power from the accelerator catalog at the default utilisation, PUE and grid of the chosen place.',
    ],
    sources: [
      'EcoLogits 0.9.1 (GenAI Impact, MPL-2.0): LLM inference energy, latency and GPU-count model.',
      ...target.model.sources,
    ],
    confidence: 'low',
    label: 'estimate (model repository sizes)',
    currency: inputs.currency,
    cost: {
      current,
      target: out.targetCost,
      delta: current !== null && out.targetCost !== null ? out.targetCost - current : null,
      notes: costNotes,
    },
    selfHost: out.selfHost,
  };
}
