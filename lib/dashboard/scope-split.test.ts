import { expect, test } from 'vitest';
import { scopeRows } from './scope-split';

test('scope rows in the report order; the total is Scope 2 + both Cat 1 parts, Cat 2 beside it', () => {
  const rows = scopeRows({
    scope2LocationKgCo2e: 1000,
    scope2MarketKgCo2e: 400,
    cat1CloudLocationKgCo2e: 3000,
    cat1CloudMarketKgCo2e: 2500,
    cat1AiServicesLocationKgCo2e: 250,
    cat1AiServicesMarketKgCo2e: 300,
    cat2HardwareKgCo2e: 700,
  });
  expect(rows.map((r) => [r.label, r.locationKgCo2e, r.marketKgCo2e])).toEqual([
    ['Scope 2 (own and operated hardware)', 1000, 400],
    ['Scope 3 Cat 1: cloud compute', 3000, 2500],
    // AI services carry their own market-based figure (it can differ from the location-based one).
    ['Scope 3 Cat 1: AI services', 250, 300],
    // 1000 + 3000 + 250 and 400 + 2500 + 300; hardware bought is not added (as the report's "Total" rows).
    ['Total', 4250, 3200],
    ['Scope 3 Cat 2: hardware bought (not in the total)', 700, 700],
  ]);
});
