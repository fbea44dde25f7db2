import { expect, test } from 'vitest';
import { scopeRows } from './scope-split';

test('scope rows in the report order; the total is Scope 2 + Cat 1, Cat 2 beside it', () => {
  const rows = scopeRows({
    scope2LocationKgCo2e: 1000,
    scope2MarketKgCo2e: 400,
    cat1CloudLocationKgCo2e: 3000,
    cat1CloudMarketKgCo2e: 2500,
    cat1AiServicesKgCo2e: 0,
    cat2HardwareKgCo2e: 700,
  });
  expect(rows.map((r) => [r.label, r.locationKgCo2e, r.marketKgCo2e])).toEqual([
    ['Scope 2 (own and operated hardware)', 1000, 400],
    ['Scope 3 Cat 1: cloud compute', 3000, 2500],
    ['Scope 3 Cat 1: AI services', 0, 0],
    // 1000 + 3000 + 0 and 400 + 2500 + 0; hardware bought is not added (as the report's "Total" rows).
    ['Total', 4000, 2900],
    ['Scope 3 Cat 2: hardware bought (not in the total)', 700, 700],
  ]);
});
