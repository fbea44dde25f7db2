import type { TCalendarPeriod } from '@/lib/emissions/calendar-periods';
import type { FactorRef, MarketAllocation } from '@/lib/emissions/footprint-types';
import type { THardwareAsset, THardwarePeriodFigures } from '@/lib/hardware/hardware-embodied';
import type { TModelTokenIntensity } from '@/lib/insights/model-token-intensity';
import type { TAiServiceUsage } from './build-ai-service-table';
import type { TTargetsReportInput } from './targets-types';

/** One stored usage record, as the report aggregation needs it (units in the names). */
export interface TReportRecordRow {
  id: string;
  startedAt: Date;
  endedAt: Date;
  phase: string;
  provider: string | null;
  region: string | null;
  gridZone: string | null;
  model: string | null;
  team: string | null;
  /** Third-party AI service the record's tokens went to (openai, anthropic …); null for compute. */
  aiService: string | null;
  itEnergyKwh: number;
  facilityEnergyKwh: number;
  locationKgCo2e: number;
  marketKgCo2e: number;
  marketMatchedKwh: number;
  embodiedKgCo2e: number;
  waterOnsiteL: number;
  waterOffsiteL: number;
  uncertaintyLowKgCo2e: number;
  uncertaintyHighKgCo2e: number;
  isMeasured: boolean;
  deviceHours: number;
  requests: number | null;
  tokens: number | null;
  methodologyVersion: string;
  factorRefs: FactorRef[];
  marketAllocations: MarketAllocation[];
  assumptionFlags: string[];
}

/**
 * Additive quantities over a period. A record straddling a period boundary contributes the share of its
 * duration inside the period (flat power assumed), so `records` counts records touching the period and
 * `recordShare` sums their shares.
 */
export interface TPeriodTotals {
  records: number;
  recordShare: number;
  itEnergyKwh: number;
  facilityEnergyKwh: number;
  measuredItEnergyKwh: number;
  locationKgCo2e: number;
  marketKgCo2e: number;
  marketMatchedKwh: number;
  embodiedKgCo2e: number;
  waterOnsiteL: number;
  waterOffsiteL: number;
  uncertaintyLowKgCo2e: number;
  uncertaintyHighKgCo2e: number;
  deviceHours: number;
  requests: number;
  /** Location kg CO2e and amortised embodied kg of the records that carry a request count (SCI numerator). */
  requestLocationKgCo2e: number;
  requestEmbodiedKgCo2e: number;
  tokens: number;
  tokenLocationKgCo2e: number;
  tokenEmbodiedKgCo2e: number;
}

export interface TBreakdownRow {
  key: string;
  totals: TPeriodTotals;
}

export interface TMonthlyPoint {
  /** YYYY-MM in the organisation's time zone. */
  month: string;
  totals: TPeriodTotals;
}

/** A factor cited by at least one record in the period, with its licence when the factor table has one. */
export interface TFactorUsed {
  id: string;
  kind: string;
  value: number;
  unit: string;
  source: string;
  datasetVersion: string;
  basis: string | null;
  licence: string | null;
  records: number;
}

export interface TContractUse {
  contractId: string;
  instrumentType: string;
  /** Facility kWh matched to the instrument inside the period (time-share split). */
  energyKwh: number;
  gCo2ePerKwh: number;
}

export interface TEnergyContractInPeriod {
  reference: string;
  instrumentType: string;
  marketZone: string;
  periodStart: Date;
  periodEnd: Date;
  volumeMwh: number;
  gCo2ePerKwh: number;
  supplier: string | null;
}

export interface TRestatementInPeriod {
  recordExternalId: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  createdAt: Date;
}

/** What lib/reports/aggregate-records.ts derives from records for one period. */
export interface TPeriodAggregates {
  totals: TPeriodTotals;
  /** Owned or operationally controlled hardware (provider on_prem or edge): Scope 2. */
  owned: TPeriodTotals;
  /** Cloud and AI services (every other provider, or none given): Scope 3 Category 1 = cloudCompute + aiServices. */
  cloud: TPeriodTotals;
  /** The part of `cloud` that is compute (no AI service on the record). */
  cloudCompute: TPeriodTotals;
  /** The part of `cloud` bought from third-party AI services (`aiService` set), issue #21. */
  aiServices: TPeriodTotals;
  /** On-device inference in products the organisation sold: Scope 3 Category 11, in neither `owned` nor `cloud`. */
  soldProducts: TPeriodTotals;
  byProvider: TBreakdownRow[];
  /** key "provider / region (grid zone)". */
  byRegion: TBreakdownRow[];
  byPhase: TBreakdownRow[];
  byModel: TBreakdownRow[];
  byTeam: TBreakdownRow[];
  monthly: TMonthlyPoint[];
  /** Records touching the period that carry each assumption flag. */
  assumptionFlags: { code: string; records: number }[];
  factors: TFactorUsed[];
  contractUse: TContractUse[];
  methodologyVersions: string[];
  /** Owned hardware register figures (Scope 3 Cat 2 and amortised memo); absent when no register was read. */
  hardware?: THardwarePeriodFigures;
}

/** Totals of another period, split by scope placement like the main period. */
export interface TScopeTotals {
  totals: TPeriodTotals;
  owned: TPeriodTotals;
  cloud: TPeriodTotals;
  cloudCompute: TPeriodTotals;
  aiServices: TPeriodTotals;
  soldProducts: TPeriodTotals;
  hardware?: THardwarePeriodFigures;
}

export interface TComparisonPeriod extends TScopeTotals {
  period: TCalendarPeriod;
}

/** Everything a quarterly (or yearly) report needs, read for one organisation. */
export interface TQuarterAggregates extends TPeriodAggregates {
  org: { id: string; name: string; timeZone: string };
  period: TCalendarPeriod;
  previous: TComparisonPeriod;
  sameLastYear: TComparisonPeriod;
  yearToDate: TComparisonPeriod;
  energyContracts: TEnergyContractInPeriod[];
  restatements: TRestatementInPeriod[];
  /** The organisation's hardware register (every asset; the report picks those relevant to the period). */
  hardwareAssets?: THardwareAsset[];
  /** Intensity per 1M tokens per model in the period (issue #21); absent = not read. */
  modelTokenIntensity?: TModelTokenIntensity[];
  /** Scope 3 Cat 1 AI-service usage per service in the period (section 5 "By AI service"); absent = not read. */
  aiServiceUsage?: TAiServiceUsage[];
  /** Targets and budgets active in the period (`getTargetsReportInput` in `lib/server/targets/target-progress.ts`); absent = none configured. */
  targets?: TTargetsReportInput;
}
