import { expect, test } from 'vitest';
import { buildRecordFormulas, describeAiModelRef, type TRecordFormulaInput } from './record-formulas';

const base: TRecordFormulaInput = {
  measuredEnergyKwh: null,
  requests: null,
  energyPerRequestWh: null,
  deviceHours: 100,
  powerPerDeviceW: 500,
  itEnergyKwh: 50,
  pueApplied: 1.2,
  facilityEnergyKwh: 60,
  intensityGCo2ePerKwh: 400,
  locationKgCo2e: 24,
  marketMatchedKwh: 0,
  marketKgCo2e: 30,
  embodiedKgCo2e: 1.5,
  embodiedLifetimeYears: 4,
  waterOnsiteL: 9,
  waterOffsiteL: 190,
  factorRefs: [
    { id: 'w', kind: 'wue', value: 0.18, unit: 'L/kWh', source: 's', datasetVersion: 'v' },
    { id: 'e', kind: 'ewif', value: 3.17, unit: 'L/kWh', source: 's', datasetVersion: 'v' },
  ],
  assumptionFlags: [],
};

test('modelled energy, facility, location, water formulas carry the numbers', () => {
  const texts = buildRecordFormulas(base).map((f) => f.text);
  expect(texts[0]).toBe('IT kWh = 100 device-hours × 500 W ÷ 1000 = 50 kWh');
  expect(texts[1]).toBe('facility kWh = IT × PUE = 50 × 1.2 = 60 kWh');
  expect(texts[2]).toBe(
    'location kg = facility × intensity ÷ 1000 = 60 kWh × 400 gCO₂e/kWh ÷ 1000 = 24 kg CO₂e',
  );
  expect(texts).toContain('on-site L = IT kWh × WUE = 50 × 0.18 L/kWh = 9 L');
  expect(texts).toContain('off-site L = facility kWh × EWIF = 60 × 3.17 L/kWh = 190 L');
});

test('metered and request-based energy use their own formula', () => {
  expect(buildRecordFormulas({ ...base, measuredEnergyKwh: 50 })[0]?.text).toBe(
    'IT kWh = metered 50 kWh = 50 kWh',
  );
  const fromRequests = buildRecordFormulas({
    ...base,
    requests: 10_000,
    energyPerRequestWh: 5,
    assumptionFlags: ['ENERGY_FROM_REQUESTS'],
  });
  expect(fromRequests[0]?.text).toBe('IT kWh = 10,000 requests × 5 Wh/request ÷ 1000 = 50 kWh');
});

test('an instance row with a sourced host share shows it beside the accelerators', () => {
  // p4d.24xlarge, 10 h: 80 device-hours × 223 W = 17.84 kWh, plus 10 h × 1,997.8 W = 19.978 kWh → 37.818 kWh.
  const host = {
    id: 'h',
    kind: 'instance-host-power',
    value: 1997.8,
    unit: 'W',
    source: 's',
    datasetVersion: 'v',
  };
  const texts = buildRecordFormulas({
    ...base,
    deviceHours: 80,
    powerPerDeviceW: 223,
    itEnergyKwh: 37.818,
    factorRefs: [...base.factorRefs, host as TRecordFormulaInput['factorRefs'][number]],
  }).map((f) => f.text);
  // formatNumber shows three significant figures.
  expect(texts[0]).toBe(
    'IT kWh = 80 device-hours × 223 W ÷ 1000 + host 20 kWh (instance-hours × 1,998 W ÷ 1000) = 37.8 kWh',
  );
});

test('embodied formula substitutes the lifetime in years and hours, not a word (issue #23)', () => {
  // 1,314 kg per device × 100 device-hours ÷ (4 years × 8,760 h = 35,040 h) = 3.75 kg.
  const embodied = {
    id: 'a',
    kind: 'accelerator-embodied',
    value: 1314,
    unit: 'kg CO2e',
    source: 's',
    datasetVersion: 'v',
  } as TRecordFormulaInput['factorRefs'][number];
  const texts = buildRecordFormulas({
    ...base,
    embodiedKgCo2e: 3.75,
    embodiedLifetimeYears: 4,
    factorRefs: [...base.factorRefs, embodied],
  }).map((f) => f.text);
  expect(texts.at(-1)).toBe(
    'embodied kg = embodied per device × device-hours ÷ (lifetime years × 8760 h) = 1,314 kg CO2e × 100 h ÷ (4 × 8,760 h) = 3.75 kg CO₂e',
  );
});

test('no embodied factor or no water factor: says so with the result, never a bare word in a number slot', () => {
  const texts = buildRecordFormulas({ ...base, embodiedKgCo2e: 0, factorRefs: [] }).map((f) => f.text);
  expect(texts.at(-1)).toBe('embodied kg = 0 kg CO₂e (no embodied factor for this hardware)');
  expect(texts).toContain('on-site L = 9 L (no WUE factor for this location)');
  expect(texts).toContain('off-site L = 190 L (no EWIF factor for this location)');
});

test('an AI-service record shows the method, its tokens and range, not a meter (issue #21)', () => {
  // 0.5 kWh IT at PUE 1.2 → the method's facility energy 0.6 kWh; range −25 % / +40 % of 0.5 = 0.375–0.7 kWh.
  const formulas = buildRecordFormulas({
    ...base,
    measuredEnergyKwh: 0.5,
    itEnergyKwh: 0.5,
    pueApplied: 1.2,
    facilityEnergyKwh: 0.6,
    embodiedKgCo2e: 0.03,
    ai: {
      modelRef: 'gpt-4o-mini@ecologits-0.9.1',
      inputTokens: 3_000_000,
      outputTokens: 1_000_000,
      energyRange: [0.25, 0.4],
      onDevice: false,
    },
  });
  expect(formulas[0]).toEqual({
    label: 'IT energy (AI-services method)',
    text: 'IT kWh = EcoLogits 0.9.1 energy of 1,000,000 output tokens of gpt-4o-mini ÷ PUE = 0.6 kWh ÷ 1.2 = 0.5 kWh; range 0.375–0.7 kWh (3,000,000 input tokens carry no energy in the method)',
  });
  expect(formulas.map((f) => f.text).join(' ')).not.toContain('metered');
  expect(formulas.at(-1)?.text).toBe(
    "embodied kg = the method's share of the servers' manufacture for this usage = 0.03 kg CO₂e",
  );
});

test('an on-device record shows device energy per token and no embodied share', () => {
  // 0.02 kWh for 1,000,000 tokens: 0.02 × 3.6e6 J ÷ 1e6 = 0.072 J/token.
  const formulas = buildRecordFormulas({
    ...base,
    itEnergyKwh: 0.02,
    pueApplied: 1,
    embodiedKgCo2e: 0,
    ai: {
      modelRef: 'phi-3@edge-laptop',
      inputTokens: 0,
      outputTokens: 1_000_000,
      energyRange: null,
      onDevice: true,
    },
  });
  expect(formulas[0]).toEqual({
    label: 'Device energy (on-device estimate)',
    text: 'device kWh = on-device estimate (laptop) for 1,000,000 tokens (0.072 J/token) = 0.02 kWh',
  });
  expect(formulas.at(-1)?.text).toBe(
    "embodied kg = 0 kg CO₂e (on-device: the devices' manufacture is not attributed to inference)",
  );
});

test('model references read as model and method', () => {
  expect(describeAiModelRef('claude-sonnet-4-5@ecologits-0.9.1')).toEqual({
    model: 'claude-sonnet-4-5',
    method: 'EcoLogits 0.9.1',
  });
  expect(describeAiModelRef(null)).toEqual({ model: null, method: null });
});
