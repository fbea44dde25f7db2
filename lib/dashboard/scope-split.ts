/**
 * The overview's scope-first split, row for row the report's Table C (lib/reports/build-energy-ghg-sections.ts):
 * Scope 2 (owned or operated hardware) and Scope 3 Category 1 in two parts (cloud compute; AI services bought by
 * the call or token, i.e. records naming an AI service), each on the location- and market-based basis, Scope 3
 * Category 11 (on-device inference in products sold) and Scope 3 Category 2 (hardware bought in the period). kg CO2e.
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
  /** Use of sold products (on-device inference in shipped products, `edge-sold-products`): Scope 3 Cat 11. */
  cat11SoldProductsLocationKgCo2e: number;
  cat11SoldProductsMarketKgCo2e: number;
  /** Hardware purchased in the period; null with team/project/… filters (the register is organisation-wide). */
  cat2HardwareKgCo2e: number | null;
}

export interface TScopeRow {
  label: string;
  locationKgCo2e: number | null;
  marketKgCo2e: number | null;
}

/** Whether the split has any Scope 3 Category 11 emissions (the overview shows that row only then). */
export function hasSoldProducts(split: TScopeSplit): boolean {
  return split.cat11SoldProductsLocationKgCo2e !== 0 || split.cat11SoldProductsMarketKgCo2e !== 0;
}

/**
 * The rows the overview shows, in the report's order; totals are the AI workload electricity (Scope 2 + Cat 1 +
 * Cat 11). The Cat 11 row appears when `withSoldProducts` (default: this split has some), so a panel comparing two
 * periods can show it for both when either has it.
 */
export function scopeRows(split: TScopeSplit, withSoldProducts = hasSoldProducts(split)): TScopeRow[] {
  const totalLocation =
    split.scope2LocationKgCo2e +
    split.cat1CloudLocationKgCo2e +
    split.cat1AiServicesLocationKgCo2e +
    split.cat11SoldProductsLocationKgCo2e;
  const totalMarket =
    split.scope2MarketKgCo2e +
    split.cat1CloudMarketKgCo2e +
    split.cat1AiServicesMarketKgCo2e +
    split.cat11SoldProductsMarketKgCo2e;
  const soldProducts: TScopeRow[] = withSoldProducts
    ? [
        {
          label: 'Scope 3 Cat 11: use of sold products (on-device inference)',
          locationKgCo2e: split.cat11SoldProductsLocationKgCo2e,
          marketKgCo2e: split.cat11SoldProductsMarketKgCo2e,
        },
      ]
    : [];
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
    ...soldProducts,
    { label: 'Total', locationKgCo2e: totalLocation, marketKgCo2e: totalMarket },
    {
      label: 'Scope 3 Cat 2: hardware bought (not in the total)',
      locationKgCo2e: split.cat2HardwareKgCo2e,
      marketKgCo2e: split.cat2HardwareKgCo2e,
    },
  ];
}
