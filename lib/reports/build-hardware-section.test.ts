import { describe, expect, test } from 'vitest';
import { parsePeriodKey } from '@/lib/emissions/calendar-periods';
import type { THardwareAsset } from '@/lib/hardware/hardware-embodied';
import { assembleQuarterAggregates } from './assemble-aggregates';
import { buildQuarterlyEsgReport } from './build-quarterly-esg-report';
import type { TEsgReport } from './report-model';
import { FIXTURE_ROWS } from './testing/report-fixture';

const asset = (over: Partial<THardwareAsset>): THardwareAsset => ({
  id: 'h',
  name: 'asset',
  hardwareType: 'NVIDIA H100 SXM',
  acceleratorId: 'nvidia-h100-sxm',
  unitCount: 16,
  purchasedOn: new Date('2026-08-15T00:00:00Z'),
  embodiedKgCo2ePerUnit: 164,
  embodiedSource: 'factor library',
  expectedLifetimeYears: 4,
  location: 'DE',
  retiredOn: null,
  ...over,
});

// 16 H100 bought in Q3 2026 (2,624 kg), 10 servers of 1,000 kg bought in Q1 2026, one bought in Q3 2025.
const ASSETS = [
  asset({ id: 'h100', name: 'H100 nodes' }),
  asset({
    id: 'srv',
    name: 'CPU servers',
    acceleratorId: null,
    hardwareType: '2U server',
    unitCount: 10,
    embodiedKgCo2ePerUnit: 1000,
    purchasedOn: new Date('2026-02-01Z'),
  }),
  asset({
    id: 'old',
    name: 'Old box',
    unitCount: 1,
    embodiedKgCo2ePerUnit: 500,
    purchasedOn: new Date('2025-08-01Z'),
  }),
];

function report(key: string, assets: THardwareAsset[] | undefined): TEsgReport {
  const period = parsePeriodKey(key, 'UTC');
  if (!period) {
    throw new Error('bad key');
  }
  const aggregates = assembleQuarterAggregates({
    org: { id: 'org-1', name: 'Test Org', timeZone: 'UTC' },
    period,
    rows: FIXTURE_ROWS,
    energyContracts: [],
    restatements: [],
    licences: new Map(),
    ...(assets ? { hardwareAssets: assets } : {}),
  });
  return buildQuarterlyEsgReport(aggregates, { generatedAt: new Date('2026-11-29T12:00:00Z') });
}

const tableRow = (r: TEsgReport, tableId: string, label: string) => {
  const t = r.sections.flatMap((s) => s.tables).find((x) => x.id === tableId);
  const found = t?.rows.find((x) => x.label === label);
  if (!found) {
    throw new Error(`no row ${label} in ${tableId}`);
  }
  return found;
};

describe('[reports] owned hardware: Scope 3 Cat 2 at purchase, amortised memo apart', () => {
  const q3 = report('2026-Q3', ASSETS);

  test('Table C books Cat 2 in the purchase period for each column; totals without Cat 2 stay the dashboard’s', () => {
    const cat2 = tableRow(q3, 'table-c', 'Scope 3 Cat 2 hardware capex');
    expect(cat2.current).toBe(2.624);
    expect(cat2.previous).toBe(0);
    expect(cat2.lastYear).toBe(0.5);
    expect(cat2.ytd).toBe(12.624);
    // LB total of the fixture in Q3: owned 50 kg + half of the 80 kg cloud run = 90 kg.
    expect(tableRow(q3, 'table-c', 'Total (LB basis)').current).toBe(0.09);
    expect(tableRow(q3, 'table-c', 'Total incl. Scope 3 Cat 2 (LB basis)').current).toBe(2.714);
    expect(q3.headline.find((h) => h.id === 'scope3-cat2')?.value).toBe(2.624);
    expect(q3.headline.find((h) => h.id === 'total-location')?.value).toBe(0.09);
  });

  test('section 7 lists the register with Cat 2 and the amortised memo, and explains double counting', () => {
    const section = q3.sections.find((s) => s.id === 'hardware');
    expect(section?.number).toBe('7');
    const h100 = tableRow(q3, 'asset-register', 'H100 nodes');
    expect(h100.cat2T).toBe(2.624);
    // 47 of 1,461 days of a 4-year life: 2,624 × 47 / 1,461 = 84.41 kg.
    expect(h100.amortisedT).toBe(0.084);
    expect(tableRow(q3, 'asset-register', 'Old box').cat2T).toBe(0);
    const memo = tableRow(q3, 'embodied-memo', 'Owned hardware register, amortised over lifetime');
    expect(memo.treatment).toBe('memo, not added');
    expect(section?.paragraphs.join(' ')).toContain('No double counting');
    expect(q3.drivers.join(' ')).toContain('1 asset(s), 2.624 tCO2e');
    // Per-job amortised embodied of the owned record (4 kg) stays a memo row, not Cat 2.
    expect(tableRow(q3, 'embodied-memo', 'Per-job amortised embodied, owned hardware (engine)').current).toBe(
      0.004,
    );
  });

  test('the flat CSV figures carry Cat 2 with its unit and period', () => {
    const figure = q3.figures.find(
      (f) =>
        f.metric === 'Table C: GHG emissions | Scope 3 Cat 2 hardware capex | Q3 2026' &&
        f.period === '2026-Q3',
    );
    expect(figure?.value).toBe(2.624);
    expect(figure?.unit).toBe('tCO2e');
  });

  test('no register read: Cat 2 is not available (null); an empty register reports 0', () => {
    expect(
      tableRow(report('2026-Q3', undefined), 'table-c', 'Scope 3 Cat 2 hardware capex').current,
    ).toBeNull();
    expect(tableRow(report('2026-Q3', []), 'table-c', 'Scope 3 Cat 2 hardware capex').current).toBe(0);
  });
});
