import type { TPhase, TProvider, TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { TWhatIfScenario } from '@/lib/schemas/what-if';
import type { TConfidence } from './types';

/** A record with the names recommendations group and label by. */
export interface TScopedRecord {
  input: TUsageRecordInput;
  projectSlug: string | null;
  projectName: string | null;
}

/** What a recommendation is about; realised savings are measured on project + phases (the place may change). */
export interface TRecommendationScope {
  projectSlug: string | null;
  projectName: string | null;
  phases: TPhase[];
  provider: TProvider | null;
  region: string | null;
  accelerator: string | null;
}

/** A switch of one AI service's model to another model of the same provider. */
export interface TModelSwitchScenario {
  kind: 'model';
  service: string;
  from: string;
  to: string;
}

export interface TRecommendation {
  /** Stable across page loads for the same data: used to attach a plan. */
  key: string;
  kind: TWhatIfScenario['kind'] | 'model';
  title: string;
  scope: TRecommendationScope;
  /** The what-if that measures it; `model` = right-sizing an AI service model (lib/insights/right-size-models.ts). */
  scenario: TWhatIfScenario | TModelSwitchScenario;
  /** Estimated saving per year (positive = less), location-based and market-based, kg CO2e. */
  annualSavedKgCo2e: number;
  annualSavedMarketKgCo2e: number;
  /** annualSavedKgCo2e / the organisation's location-based total over the same 12 months. */
  shareOfTotal: number;
  annualSavedEnergyKwh: number;
  annualSavedWaterL: number;
  /** In `currency`; 0 with a null currency when no electricity price is known. */
  annualSavedCost: number;
  currency: string | null;
  /** Range of the annual saving for literature-range estimates. */
  savedRangeKgCo2e: { low: number; high: number } | null;
  confidence: TConfidence;
  label: string;
  assumptions: string[];
  sources: string[];
}
