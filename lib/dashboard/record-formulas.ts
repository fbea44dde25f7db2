import { HOURS_PER_YEAR } from '@/lib/emissions/embodied';
import type { FactorRef } from '@/lib/emissions/footprint-types';
import { formatNumber } from '@/lib/format/quantities';

/** The stored inputs and results a record's formulas are rebuilt from (units in the names). */
export interface TRecordFormulaInput {
  measuredEnergyKwh: number | null;
  requests: number | null;
  energyPerRequestWh: number | null;
  deviceHours: number;
  powerPerDeviceW: number | null;
  itEnergyKwh: number;
  pueApplied: number;
  facilityEnergyKwh: number;
  intensityGCo2ePerKwh: number;
  locationKgCo2e: number;
  marketMatchedKwh: number;
  marketKgCo2e: number;
  embodiedKgCo2e: number;
  /** The organisation's amortisation lifetime (records are recomputed whenever it changes). */
  embodiedLifetimeYears: number;
  waterOnsiteL: number;
  waterOffsiteL: number;
  factorRefs: FactorRef[];
  assumptionFlags: string[];
  /** AI-service and on-device records (issue #21): their IT energy is the AI-services method's, not a meter's. */
  ai?: TRecordFormulaAi | null;
}

/** What an AI record keeps of its estimate (usage_record ai_* columns and source data). */
export interface TRecordFormulaAi {
  /** The model as the method knew it and the method (`gpt-4o-mini@ecologits-0.9.1`, `phi-3@edge-laptop`). */
  modelRef: string | null;
  inputTokens: number;
  outputTokens: number;
  /** The method's energy range relative to its midpoint ([0.25, 0.4] = −25 % / +40 %); null when not kept. */
  energyRange: readonly [number, number] | null;
  /** On-device inference: device energy, no data centre. */
  onDevice: boolean;
}

export interface TFormula {
  label: string;
  /** The formula with the record's numbers substituted, ending in "= result unit". */
  text: string;
}

const n = formatNumber;

/**
 * Human-readable formulas with numbers substituted (docs/METHODOLOGY.md). Results are the STORED values
 * (what was reported); inputs come from the record and its factorRefs.
 */
export function buildRecordFormulas(r: TRecordFormulaInput): TFormula[] {
  const ref = (kind: FactorRef['kind']) => r.factorRefs.find((f) => f.kind === kind);
  const formulas: TFormula[] = [];
  if (r.ai) {
    formulas.push(aiEnergyFormula(r, r.ai));
  } else if (r.measuredEnergyKwh !== null) {
    formulas.push({
      label: 'IT energy (metered)',
      text: `IT kWh = metered ${n(r.measuredEnergyKwh)} kWh = ${n(r.itEnergyKwh)} kWh`,
    });
  } else if (
    r.assumptionFlags.includes('ENERGY_FROM_REQUESTS') &&
    r.requests !== null &&
    r.energyPerRequestWh !== null
  ) {
    formulas.push({
      label: 'IT energy (from requests)',
      text: `IT kWh = ${n(r.requests)} requests × ${n(r.energyPerRequestWh)} Wh/request ÷ 1000 = ${n(r.itEnergyKwh)} kWh`,
    });
  } else if (r.powerPerDeviceW !== null) {
    const overhead = r.assumptionFlags.includes('HOST_OVERHEAD_APPLIED') ? ' × (1 + host overhead)' : '';
    // Instance rows with sourced host power add instance-hours × host W (docs/METHODOLOGY.md §1).
    const host = ref('instance-host-power');
    const hostKwh = host ? r.itEnergyKwh - (r.deviceHours * r.powerPerDeviceW) / 1000 : 0;
    const hostText = host ? ` + host ${n(hostKwh)} kWh (instance-hours × ${n(host.value)} W ÷ 1000)` : '';
    formulas.push({
      label: 'IT energy (modelled)',
      text: `IT kWh = ${n(r.deviceHours)} device-hours × ${n(r.powerPerDeviceW)} W${overhead} ÷ 1000${hostText} = ${n(r.itEnergyKwh)} kWh`,
    });
  } else {
    formulas.push({ label: 'IT energy', text: `IT kWh = ${n(r.itEnergyKwh)} kWh` });
  }
  formulas.push({
    label: 'Facility energy',
    text: `facility kWh = IT × PUE = ${n(r.itEnergyKwh)} × ${n(r.pueApplied)} = ${n(r.facilityEnergyKwh)} kWh`,
  });
  formulas.push({
    label: 'Location-based CO₂e',
    text: `location kg = facility × intensity ÷ 1000 = ${n(r.facilityEnergyKwh)} kWh × ${n(r.intensityGCo2ePerKwh)} gCO₂e/kWh ÷ 1000 = ${n(r.locationKgCo2e)} kg CO₂e`,
  });
  const residual = ref('residual-mix');
  formulas.push({
    label: 'Market-based CO₂e',
    text:
      `market kg = Σ(contracted kWh × contract g/kWh) + (facility − matched) × residual g/kWh ÷ 1000; ` +
      `matched ${n(r.marketMatchedKwh)} of ${n(r.facilityEnergyKwh)} kWh` +
      (residual ? `, residual mix ${n(residual.value)} ${residual.unit}` : '') +
      ` = ${n(r.marketKgCo2e)} kg CO₂e`,
  });
  const wue = ref('wue');
  const ewif = ref('ewif');
  // Without a factor the formula has no number to substitute: the result alone, with the reason.
  formulas.push({
    label: 'Water on-site',
    text: wue
      ? `on-site L = IT kWh × WUE = ${n(r.itEnergyKwh)} × ${n(wue.value)} ${wue.unit} = ${n(r.waterOnsiteL)} L`
      : `on-site L = ${n(r.waterOnsiteL)} L (no WUE factor for this location)`,
  });
  formulas.push({
    label: 'Water off-site',
    text: ewif
      ? `off-site L = facility kWh × EWIF = ${n(r.facilityEnergyKwh)} × ${n(ewif.value)} ${ewif.unit} = ${n(r.waterOffsiteL)} L`
      : `off-site L = ${n(r.waterOffsiteL)} L (no EWIF factor for this location)`,
  });
  const embodied = ref('accelerator-embodied');
  formulas.push({
    label: 'Embodied (amortised)',
    text: r.ai
      ? r.ai.onDevice
        ? `embodied kg = ${n(r.embodiedKgCo2e)} kg CO₂e (on-device: the devices' manufacture is not attributed to inference)`
        : `embodied kg = the method's share of the servers' manufacture for this usage = ${n(r.embodiedKgCo2e)} kg CO₂e`
      : embodied
        ? `embodied kg = embodied per device × device-hours ÷ (lifetime years × 8760 h) = ${n(embodied.value)} ${
            embodied.unit
          } × ${n(r.deviceHours)} h ÷ (${n(r.embodiedLifetimeYears)} × ${n(HOURS_PER_YEAR)} h) = ${n(r.embodiedKgCo2e)} kg CO₂e`
        : `embodied kg = ${n(r.embodiedKgCo2e)} kg CO₂e (no embodied factor for this hardware)`,
  });
  return formulas;
}

/** "gpt-4o-mini@ecologits-0.9.1" → model "gpt-4o-mini", method "EcoLogits 0.9.1"; on-device refs name the device. */
export function describeAiModelRef(modelRef: string | null): { model: string | null; method: string | null } {
  if (!modelRef) {
    return { model: null, method: null };
  }
  const at = modelRef.lastIndexOf('@');
  const model = at > 0 ? modelRef.slice(0, at) : modelRef;
  const method = at > 0 ? modelRef.slice(at + 1) : '';
  const ecologits = /^ecologits-(.+)$/.exec(method);
  const edge = /^edge-(.+)$/.exec(method);
  return {
    model,
    method: ecologits
      ? `EcoLogits ${ecologits[1]}`
      : edge
        ? `on-device estimate (${edge[1]})`
        : method || null,
  };
}

/**
 * IT energy of an AI record: the method's facility energy for its output tokens ÷ the PUE it used (the compute
 * path then multiplies by the same PUE), with the method's range. Input tokens carry no energy in the method
 * (docs/METHODOLOGY.md "AI services"). On-device: device energy, J per token = kWh × 3.6e6 ÷ tokens.
 */
function aiEnergyFormula(r: TRecordFormulaInput, ai: TRecordFormulaAi): TFormula {
  const { model, method } = describeAiModelRef(ai.modelRef);
  const range = ai.energyRange
    ? `; range ${n(r.itEnergyKwh * (1 - ai.energyRange[0]))}–${n(r.itEnergyKwh * (1 + ai.energyRange[1]))} kWh`
    : '';
  if (ai.onDevice) {
    const perToken =
      ai.outputTokens > 0
        ? ` for ${n(ai.outputTokens)} tokens (${n((r.itEnergyKwh * 3.6e6) / ai.outputTokens)} J/token)`
        : '';
    return {
      label: 'Device energy (on-device estimate)',
      text: `device kWh = ${method ?? 'on-device estimate'}${perToken} = ${n(r.itEnergyKwh)} kWh${range}`,
    };
  }
  const facilityKwh = r.itEnergyKwh * r.pueApplied;
  return {
    label: 'IT energy (AI-services method)',
    text:
      `IT kWh = ${method ?? 'AI-services method'} energy of ${n(ai.outputTokens)} output tokens of ${model ?? 'the model'} ÷ PUE` +
      ` = ${n(facilityKwh)} kWh ÷ ${n(r.pueApplied)} = ${n(r.itEnergyKwh)} kWh${range}` +
      (ai.inputTokens > 0 ? ` (${n(ai.inputTokens)} input tokens carry no energy in the method)` : ''),
  };
}
