import type { TWhatIfScenario } from '@/lib/schemas/what-if';
import { compressionScenario } from './compression';
import { ELECTRICITY_PRICE_SOURCE, inputsPriceSourceText } from './electricity-price';
import { hardwareSwapScenario } from './hardware-swap';
import { regionShiftScenario } from './region-shift';
import { reusePretrainedScenario } from './reuse-pretrained';
import { timeShiftScenario } from './time-shift';
import type { TInsightInputs, TRecords, TScenarioResult } from './types';

/**
 * Runs one what-if scenario on a record set; the price's origin (sourced default, organisation setting, the
 * user's entry, or none) is named among the sources.
 */
export function runScenario(
  records: TRecords,
  scenario: TWhatIfScenario,
  inputs: TInsightInputs,
): TScenarioResult {
  const result = pick(records, scenario, inputs);
  const priceSource = inputsPriceSourceText(inputs);
  return {
    ...result,
    sources: [...result.sources.filter((s) => s !== ELECTRICITY_PRICE_SOURCE), priceSource],
  };
}

function pick(records: TRecords, scenario: TWhatIfScenario, inputs: TInsightInputs): TScenarioResult {
  switch (scenario.kind) {
    case 'region':
      return regionShiftScenario(records, scenario, inputs);
    case 'time':
      return timeShiftScenario(records, scenario, inputs);
    case 'hardware':
      return hardwareSwapScenario(records, scenario, inputs);
    case 'compression':
      return compressionScenario(records, scenario, inputs);
    case 'reuse':
      return reusePretrainedScenario(records, scenario, inputs);
  }
}
