/**
 * The overview's scope-first split, row for row the report's Table C (lib/reports/build-energy-ghg-sections.ts):
 * Scope 2 (owned or operated hardware) and Scope 3 Category 1 in two parts (cloud compute; AI services bought by
 * the call or token, i.e. records naming an AI service), each on the location- and market-based basis, and Scope 3 Category 2 (hardware bought in the period). kg CO2e.
 */

export interface TScopeSplit {
  scope2LocationKgCo2e: number;
  scope2MarketKgCo2e: number;
  /** Cloud compute: Scope 3 Cat 1 records without an AI service. */
  cat1CloudLocationKgCo2e: number;
  cat1CloudMarketKgCo2e: number;
  /** Third-party AI services (records with `ai_service`, e.g. LLM API tokens): the rest of Scope 3 Cat 1. */
  cat1AiServicesLocationKgCo2e: number;
  cat1AiServicesMarketKgCo2e: number;
  /** Hardware purchased in the period; null with team/project/… filters (the register is organisation-wide). */
  cat2HardwareKgCo2e: number | null;
}

export interface TScopeRow {
  label: string;
  locationKgCo2e: number | null;
  marketKgCo2e: number | null;
}

/** The rows the overview shows, in the report's order; totals are the AI workload electricity (Scope 2 + Cat 1). */
export function scopeRows(split: TScopeSplit): TScopeRow[] {
  const totalLocation =
    split.scope2LocationKgCo2e + split.cat1CloudLocationKgCo2e + split.cat1AiServicesLocationKgCo2e;
  const totalMarket =
    split.scope2MarketKgCo2e + split.cat1CloudMarketKgCo2e + split.cat1AiServicesMarketKgCo2e;
  return [
    {
      label: 'Scope 2 (own and operated hardware)',
      locationKgCo2e: split.scope2LocationKgCo2e,
      marketKgCo2e: split.scope2MarketKgCo2e,
    },
    {
      label: 'Scope 3 Cat 1: cloud compute',
      locationKgCo2e: split.cat1CloudLocationKgCo2e,
      marketKgCo2e: split.cat1CloudMarketKgCo2e,
    },
    {
      label: 'Scope 3 Cat 1: AI services',
      locationKgCo2e: split.cat1AiServicesLocationKgCo2e,
      marketKgCo2e: split.cat1AiServicesMarketKgCo2e,
    },
    { label: 'Total', locationKgCo2e: totalLocation, marketKgCo2e: totalMarket },
    {
      label: 'Scope 3 Cat 2: hardware bought (not in the total)',
      locationKgCo2e: split.cat2HardwareKgCo2e,
      marketKgCo2e: split.cat2HardwareKgCo2e,
    },
  ];
}
