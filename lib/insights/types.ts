import type { EnergyContractInput } from '@/lib/emissions/energy-contract';
import type { FactorLibrary } from '@/lib/emissions/factor-library-types';
import type { IndexedFactorLibrary } from '@/lib/emissions/index-factor-library';
import type { MethodologySettings } from '@/lib/emissions/methodology-settings';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { TElectricityPriceSource } from './electricity-price';

/** How far to trust a scenario figure: high = same engine and factors, low = literature ranges or proxies. */
export type TConfidence = 'high' | 'medium' | 'low';

/** Quantities a scenario changes. Energy is facility energy (after PUE); water = on-site + off-site. */
export interface TScenarioTotals {
  energyKwh: number;
  locationKgCo2e: number;
  marketKgCo2e: number;
  embodiedKgCo2e: number;
  waterL: number;
  /** Electricity cost only (energyKwh × price per kWh), in the price's currency. */
  electricityCost: number;
}

/** Everything a calculator needs besides the records. All pure values (no clock, no I/O). */
export interface TInsightInputs {
  library: FactorLibrary | IndexedFactorLibrary;
  settings: MethodologySettings;
  contracts: readonly EnergyContractInput[];
  /** Price per facility kWh used for the cost delta (see electricity-price.ts for the sourced default). */
  electricityPricePerKwh: number;
  /** The organisation's currency; null when no price in it is known (cost deltas are then not shown). */
  currency: string | null;
  electricityPriceSource: TElectricityPriceSource;
}

/** The result every scenario returns: before, after, delta (after − before) and how it was obtained. */
export interface TScenarioResult {
  kind: string;
  title: string;
  baseline: TScenarioTotals;
  scenario: TScenarioTotals;
  /** scenario − baseline; negative = saving. */
  delta: TScenarioTotals;
  /** Delta range for estimates built on literature ranges (low = smallest saving, high = largest). */
  deltaRange: { low: TScenarioTotals; high: TScenarioTotals } | null;
  /** Records the scenario changed, and why the others were left unchanged. */
  affectedRecords: number;
  unchanged: { reason: string; records: number }[];
  assumptions: string[];
  sources: string[];
  confidence: TConfidence;
  /** Short label shown next to the figures, e.g. "historical-profile based" or "estimate". */
  label: string;
  /** Currency of `electricityCost`; null = no price known, the cost row is left out. */
  currency: string | null;
}

export type TRecords = readonly TUsageRecordInput[];
