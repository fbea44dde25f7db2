import { expect, test } from 'vitest';
import { hasSoldProducts, scopeRows, type TScopeSplit } from './scope-split';

const WITHOUT_SOLD_PRODUCTS: TScopeSplit = {
  scope2LocationKgCo2e: 1000,
  scope2MarketKgCo2e: 400,
  cat1CloudLocationKgCo2e: 3000,
  cat1CloudMarketKgCo2e: 2500,
  cat1AiServicesLocationKgCo2e: 250,
  cat1AiServicesMarketKgCo2e: 300,
  cat11SoldProductsLocationKgCo2e: 0,
  cat11SoldProductsMarketKgCo2e: 0,
  cat2HardwareKgCo2e: 700,
};

const CAT11_LABEL = 'Scope 3 Cat 11: use of sold products (on-device inference)';

test('scope rows in the report order; the total is Scope 2 + both Cat 1 parts, Cat 2 beside it; no Cat 11 row at 0', () => {
  const rows = scopeRows(WITHOUT_SOLD_PRODUCTS);
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

test('sold-product inference: a Cat 11 row after Cat 1, counted in the total; forced for a period without any', () => {
  const split = {
    ...WITHOUT_SOLD_PRODUCTS,
    cat11SoldProductsLocationKgCo2e: 50,
    cat11SoldProductsMarketKgCo2e: 60,
    cat2HardwareKgCo2e: null,
  };
  expect(scopeRows(split).map((r) => [r.label, r.locationKgCo2e, r.marketKgCo2e])).toEqual([
    ['Scope 2 (own and operated hardware)', 1000, 400],
    ['Scope 3 Cat 1: cloud compute', 3000, 2500],
    ['Scope 3 Cat 1: AI services', 250, 300],
    [CAT11_LABEL, 50, 60],
    // 1000 + 3000 + 250 + 50 and 400 + 2500 + 300 + 60.
    ['Total', 4300, 3260],
    ['Scope 3 Cat 2: hardware bought (not in the total)', null, null],
  ]);
  expect(hasSoldProducts(split)).toBe(true);
  expect(hasSoldProducts(WITHOUT_SOLD_PRODUCTS)).toBe(false);
  // A previous period without sold products still gets the row (0) when the current one has it.
  expect(scopeRows(WITHOUT_SOLD_PRODUCTS, true)[3]).toEqual({
    label: CAT11_LABEL,
    locationKgCo2e: 0,
    marketKgCo2e: 0,
  });
});
