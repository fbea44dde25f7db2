import type { FactorLibrary } from '@/lib/emissions/factor-library-types';
import { ZGridFactorOverrideInput } from '@/lib/schemas/factor-override';

// A small bundled factor library whose values are easy to check by hand (tests replace the bundled library with
// it): FR 56 gCO2e/kWh life-cycle and 30 direct, DE 380 / 350 (2025); gcp europe-west9 → FR with PUE 1.1 and
// WUE 0.2 L/kWh; EWIF FR 2 L/kWh; one accelerator of 400 W TDP and 175.2 kg embodied.

const y2025 = { periodStart: new Date('2025-01-01T00:00:00Z'), periodEnd: new Date('2026-01-01T00:00:00Z') };
const meta = {
  granularity: 'yearly' as const,
  source: 'test grid',
  licence: 'CC BY 4.0',
  datasetVersion: 't-1',
};

/** A small bundled library with hand-checkable values: FR 56 g/kWh life-cycle, 30 direct; DE 380 / 350. */
export const HAND_CHECKABLE_LIBRARY: FactorLibrary = {
  accelerators: [
    {
      id: 'test-gpu',
      name: 'Test GPU',
      aliases: [],
      tdpW: 400,
      idleW: 40,
      memoryGb: 80,
      embodiedKgCo2e: 175.2,
      embodiedLowKgCo2e: 150,
      embodiedHighKgCo2e: 200,
      source: 'test',
      datasetVersion: 't-1',
    },
  ],
  locations: [
    {
      provider: 'gcp',
      regionCode: 'europe-west9',
      gridZone: 'FR',
      countryCode: 'FR',
      pue: 1.1,
      wueLPerKwh: 0.2,
      source: 'test',
      datasetVersion: 't-1',
    },
  ],
  gridFactors: [
    { id: 'fr-lc', zone: 'FR', ...y2025, gCo2ePerKwh: 56, basis: 'lifecycle', ...meta },
    { id: 'fr-d', zone: 'FR', ...y2025, gCo2ePerKwh: 30, basis: 'direct', ...meta },
    { id: 'de-lc', zone: 'DE', ...y2025, gCo2ePerKwh: 380, basis: 'lifecycle', ...meta },
    { id: 'de-d', zone: 'DE', ...y2025, gCo2ePerKwh: 350, basis: 'direct', ...meta },
  ],
  residualMixes: [],
  ewif: [{ id: 'ewif-fr', zone: 'FR', lPerKwh: 2, source: 'test', datasetVersion: 't-1' }],
  providerDefaults: [],
};

/** An organisation override of the FR life-cycle factor for 2025: 10 gCO2e/kWh instead of 56. */
export const FR_GRID_OVERRIDE_10G = ZGridFactorOverrideInput.parse({
  zone: 'fr',
  validFrom: '2025-01-01',
  validTo: '2026-01-01',
  gCo2ePerKwh: '10',
  basis: 'lifecycle',
  source: 'Supplier disclosure 2025',
});
