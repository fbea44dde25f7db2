import { describe, expect, test } from 'vitest';
import { parsePeriodKey } from '@/lib/emissions/calendar-periods';
import { scopePlacement, scopeTotalsInside } from './aggregate-records';
import { buildQuarterlyEsgReport } from './build-quarterly-esg-report';
import type { TEsgReport } from './report-model';
import { FIXTURE_ROWS, fixtureAggregates, row } from './testing/report-fixture';

const generatedAt = new Date('2026-11-29T12:00:00Z');

function headline(report: TEsgReport, id: string) {
  const h = report.headline.find((x) => x.id === id);
  if (!h) {
    throw new Error(`no headline ${id}`);
  }
  return h;
}

function table(report: TEsgReport, id: string) {
  const t = report.sections.flatMap((s) => s.tables).find((x) => x.id === id);
  if (!t) {
    throw new Error(`no table ${id}`);
  }
  return t;
}

describe('buildQuarterlyEsgReport (2026-Q3, one owned run, one cloud run straddling 1 July)', () => {
  const report = buildQuarterlyEsgReport(fixtureAggregates('2026-Q3'), { generatedAt });

  test('headline figures are the time-share split totals, rounded once', () => {
    // Owned: 100 kWh, LB 50 kg, MB 20 kg; cloud: half of 200 kWh, 80 kg LB, 60 kg MB.
    expect(headline(report, 'electricity-mwh').value).toBe(0.2);
    expect(headline(report, 'scope2-location').value).toBe(0.05);
    expect(headline(report, 'scope2-market').value).toBe(0.02);
    expect(headline(report, 'scope3-cat1-location').value).toBe(0.04);
    expect(headline(report, 'scope3-cat1-market').value).toBe(0.03);
    expect(headline(report, 'total-location').value).toBe(0.09);
    expect(headline(report, 'total-market').value).toBe(0.05);
    expect(headline(report, 'water-onsite').value).toBe(1.2);
    expect(headline(report, 'water-offsite').value).toBe(0.6);
    expect(headline(report, 'measured-share').value).toBe(50);
  });

  test('changes vs previous quarter and same quarter last year', () => {
    const total = headline(report, 'total-location');
    expect(total.previous).toBe(0.04);
    expect(total.changeVsPreviousPct).toBe(125);
    expect(total.sameLastYear).toBe(0);
    expect(total.changeVsLastYearPct).toBeNull();
    expect(total.yearToDate).toBe(0.13);
  });

  test('SCI per functional unit uses only records carrying the unit', () => {
    // 40 kg over 500 requests = 80,000 g per 1,000 requests; over 1,000,000 tokens = 40,000 g per 1M tokens.
    expect(headline(report, 'sci-per-1k-requests').value).toBe(80000);
    expect(headline(report, 'sci-per-1m-tokens').value).toBe(40000);
  });

  test('Table C puts owned electricity in Scope 2 and cloud in Scope 3 Cat 1, totals on both bases', () => {
    const rows = table(report, 'table-c').rows;
    const byLabel = new Map(rows.map((r) => [r.label, r]));
    expect(byLabel.get('Scope 2 location-based')?.current).toBe(0.05);
    expect(byLabel.get('Scope 2 market-based')?.current).toBe(0.02);
    expect(byLabel.get('Scope 3 Cat 1 cloud compute (LB basis)')?.current).toBe(0.04);
    expect(byLabel.get('Scope 3 Cat 1 cloud compute (MB basis)')?.current).toBe(0.03);
    // No record names an AI service: the row is shown with 0.
    expect(byLabel.get('Scope 3 Cat 1 AI services (LB basis)')?.current).toBe(0);
    expect(byLabel.get('Scope 3 Cat 1 total (LB basis)')?.current).toBe(0.04);
    expect(byLabel.get('Total (LB basis)')?.current).toBe(0.09);
    expect(byLabel.get('Total (MB basis)')?.previous).toBe(0.03);
    expect(byLabel.get('Scope 1 (generators, refrigerants)')?.current).toBeNull();
    // Embodied is a management view only: the LB total excludes the 4 kg.
    expect(byLabel.get('Total (LB basis)')?.ytd).toBe(0.13);
  });

  test('contract table, factor register with licences, fallbacks and monthly series', () => {
    expect(table(report, 'table-d').rows[0]).toMatchObject({ reference: 'ppa-de', appliedMwh: 0.06 });
    const register = table(report, 'factor-register').rows;
    expect(register.map((r) => r.id)).toEqual(['ef:DE:2026', 'ef:IE:2026', 'default:pue']);
    expect(register[0]).toMatchObject({
      licence: 'CC BY 4.0',
      value: 500,
      unit: 'gCO2e/kWh',
      version: '2026-01',
    });
    expect(table(report, 'fallbacks').rows.map((r) => [r.code, r.records])).toEqual([
      ['ENERGY_FROM_TDP_MODEL', 1],
      ['PUE_PROVIDER_DEFAULT', 1],
    ]);
    expect(report.charts.monthly).toEqual([
      { label: '2026-07', energyMwh: 0.2, locationTCo2e: 0.09, marketTCo2e: 0.05 },
      { label: '2026-08', energyMwh: 0, locationTCo2e: 0, marketTCo2e: 0 },
      { label: '2026-09', energyMwh: 0, locationTCo2e: 0, marketTCo2e: 0 },
    ]);
    expect(report.charts.byPhase.map((p) => p.label)).toEqual(['training', 'inference']);
  });

  test('flat figures carry unit, period and basis', () => {
    const lb = report.figures.find(
      (f) => f.metric === 'Headline figures | Total AI footprint, location-based | Q3 2026',
    );
    expect(lb).toEqual({
      section: '1 Executive summary',
      metric: 'Headline figures | Total AI footprint, location-based | Q3 2026',
      value: 0.09,
      unit: 'tCO2e',
      period: '2026-Q3',
      basis: 'location-based',
    });
    const previous = report.figures.find(
      (f) => f.metric === 'Table C: GHG emissions | Total (MB basis) | Q2 2026',
    );
    expect(previous).toMatchObject({ value: 0.03, period: '2026-Q2', unit: 'tCO2e' });
  });
});

describe('AI services: the third part of the scope split (issue #21)', () => {
  // The fixture plus an OpenAI usage day inside Q3 (30 kg LB, 25 kg MB) and an on-premise record that names a
  // service (12 kg LB, 6 kg MB): owned hardware is Scope 2 whatever the record names.
  const ai = row({
    id: 'ai-1',
    startedAt: new Date('2026-08-03T00:00:00Z'),
    endedAt: new Date('2026-08-04T00:00:00Z'),
    provider: null,
    aiService: 'openai',
    locationKgCo2e: 30,
    marketKgCo2e: 25,
    tokens: 2_500_000,
  });
  const ownedNamed = row({
    id: 'owned-named',
    startedAt: new Date('2026-08-05T00:00:00Z'),
    endedAt: new Date('2026-08-05T01:00:00Z'),
    provider: 'on_prem',
    aiService: 'huggingface',
    locationKgCo2e: 12,
    marketKgCo2e: 6,
  });
  const report = buildQuarterlyEsgReport(fixtureAggregates('2026-Q3', [...FIXTURE_ROWS, ai, ownedNamed]), {
    generatedAt,
  });

  test('placement: owned first, then AI service, else cloud compute', () => {
    expect(scopePlacement(ownedNamed)).toBe('owned');
    expect(scopePlacement(ai)).toBe('aiServices');
    expect(scopePlacement({ provider: 'aws', aiService: null })).toBe('cloudCompute');
  });

  test('headline figures: cloud compute and AI services each on both bases, Cat 1 = their sum', () => {
    // Cloud compute: half of the straddling cloud run (40 kg LB, 30 kg MB); AI services: 30 kg LB, 25 kg MB.
    expect(headline(report, 'scope3-cat1-cloud-compute-location').value).toBe(0.04);
    expect(headline(report, 'scope3-cat1-cloud-compute-market').value).toBe(0.03);
    expect(headline(report, 'scope3-cat1-ai-services-location').value).toBe(0.03);
    expect(headline(report, 'scope3-cat1-ai-services-market').value).toBe(0.025);
    expect(headline(report, 'scope3-cat1-location').value).toBe(0.07);
    expect(headline(report, 'scope3-cat1-market').value).toBe(0.055);
    // Scope 2: 50 + 12 kg LB, 20 + 6 kg MB; total LB 62 + 40 + 30 = 132 kg.
    expect(headline(report, 'scope2-location').value).toBe(0.062);
    expect(headline(report, 'scope2-market').value).toBe(0.026);
    expect(headline(report, 'total-location').value).toBe(0.132);
  });

  test('Table C shows cloud compute and AI services as separate Cat 1 rows with the Cat 1 total', () => {
    const byLabel = new Map(table(report, 'table-c').rows.map((r) => [r.label, r]));
    expect(byLabel.get('Scope 3 Cat 1 cloud compute (LB basis)')?.current).toBe(0.04);
    expect(byLabel.get('Scope 3 Cat 1 AI services (LB basis)')?.current).toBe(0.03);
    expect(byLabel.get('Scope 3 Cat 1 AI services (MB basis)')?.current).toBe(0.025);
    expect(byLabel.get('Scope 3 Cat 1 total (MB basis)')?.current).toBe(0.055);
    // The AI day is in Q3 only: nothing in the previous quarter, and the year to date holds it once.
    expect(byLabel.get('Scope 3 Cat 1 AI services (LB basis)')?.previous).toBe(0);
    expect(byLabel.get('Scope 3 Cat 1 AI services (LB basis)')?.ytd).toBe(0.03);
  });

  test('the flat figures (CSV, XLSX, JSON) carry both Cat 1 parts', () => {
    const figure = (metric: string) => report.figures.find((f) => f.metric === metric)?.value;
    expect(figure('Table C: GHG emissions | Scope 3 Cat 1 AI services (LB basis) | Q3 2026')).toBe(0.03);
    expect(figure('Table C: GHG emissions | Scope 3 Cat 1 cloud compute (MB basis) | Q3 2026')).toBe(0.03);
    expect(figure('Headline figures | Scope 3 Cat 1 AI services (MB) | Q3 2026')).toBe(0.025);
  });
});

describe('on-device inference in shipped products: Scope 3 Category 11 (issue #21)', () => {
  // 1,000 devices × 1,000 inferences × 0.5 Wh = 500 kWh in August; LB 500 kWh × 330.966 g/kWh = 165.483 kg,
  // MB 500 kWh × 240 g/kWh = 120 kg (hand figures, not from the code).
  const shipped = row({
    id: 'shipped-1',
    startedAt: new Date('2026-08-01T00:00:00Z'),
    endedAt: new Date('2026-09-01T00:00:00Z'),
    provider: 'edge',
    region: 'DE',
    gridZone: 'DE',
    aiService: 'edge-sold-products',
    itEnergyKwh: 500,
    facilityEnergyKwh: 500,
    locationKgCo2e: 165.483,
    marketKgCo2e: 120,
    requests: 1_000_000,
  });
  const report = buildQuarterlyEsgReport(fixtureAggregates('2026-Q3', [...FIXTURE_ROWS, shipped]), {
    generatedAt,
  });
  const rows = new Map(table(report, 'table-c').rows.map((r) => [r.label, r]));

  test('placement is Cat 11 (sold products), not Scope 2 and not Cat 1', () => {
    expect(scopePlacement(shipped)).toBe('soldProducts');
  });

  test('Table C: its own Cat 11 row on both bases; Scope 2 and Cat 1 unchanged; the totals include it', () => {
    const lb = rows.get('Scope 3 Cat 11: use of sold products (on-device inference) (LB basis)');
    const mb = rows.get('Scope 3 Cat 11: use of sold products (on-device inference) (MB basis)');
    expect(lb).toMatchObject({ current: 0.165, previous: 0, lastYear: 0, ytd: 0.165 });
    expect(mb).toMatchObject({ current: 0.12, previous: 0, ytd: 0.12 });
    // Fixture alone: Scope 2 50 kg LB / 20 kg MB, Cat 1 (half the straddling cloud run) 40 kg LB / 30 kg MB.
    expect(rows.get('Scope 2 location-based')?.current).toBe(0.05);
    expect(rows.get('Scope 3 Cat 1 AI services (LB basis)')?.current).toBe(0);
    expect(rows.get('Scope 3 Cat 1 total (LB basis)')?.current).toBe(0.04);
    expect(rows.get('Scope 3 Cat 1 total (MB basis)')?.current).toBe(0.03);
    // 50 + 40 + 165.483 = 255.483 kg LB; 20 + 30 + 120 = 170 kg MB.
    expect(rows.get('Total (LB basis)')?.current).toBe(0.255);
    expect(rows.get('Total (MB basis)')?.current).toBe(0.17);
  });

  test('headline figures carry Cat 11 on both bases; Cat 1 and Scope 2 do not', () => {
    expect(headline(report, 'scope3-cat11-sold-products-location').value).toBe(0.165);
    expect(headline(report, 'scope3-cat11-sold-products-market').value).toBe(0.12);
    expect(headline(report, 'scope3-cat1-location').value).toBe(0.04);
    expect(headline(report, 'scope2-location').value).toBe(0.05);
    expect(headline(report, 'total-location').value).toBe(0.255);
  });

  test('boundary: the sold products are a Cat 11 line of their own, in neither energy table', () => {
    const sites = table(report, 'sites').rows;
    expect(sites.find((r) => String(r.label).startsWith('edge_sold_products /'))).toMatchObject({
      classification: 'Scope 3 Cat 11 (use of sold products)',
      records: 1,
    });
    // No owned edge site appears for them (the fixture has no company devices).
    expect(sites.filter((r) => String(r.label).startsWith('edge /'))).toEqual([]);
    for (const id of ['table-a', 'table-b']) {
      expect(table(report, id).rows.map((r) => String(r.label))).not.toContain(
        'edge_sold_products / DE (DE)',
      );
    }
  });

  test('without shipped products the Cat 11 row is there with 0', () => {
    const plain = buildQuarterlyEsgReport(fixtureAggregates('2026-Q3'), { generatedAt });
    const row0 = table(plain, 'table-c').rows.find(
      (r) => r.label === 'Scope 3 Cat 11: use of sold products (on-device inference) (LB basis)',
    );
    expect(row0?.current).toBe(0);
    expect(headline(plain, 'scope3-cat11-sold-products-location').value).toBe(0);
  });
});

describe('periods', () => {
  test('a full year compares with the previous year', () => {
    const report = buildQuarterlyEsgReport(fixtureAggregates('2026'), { generatedAt });
    expect(report.period.label).toBe('FY 2026');
    expect(headline(report, 'total-location').value).toBe(0.13);
    expect(report.charts.monthly).toHaveLength(12);
  });

  test('quarter parts of a straddling record add up to the record', () => {
    const q2 = parsePeriodKey('2026-Q2', 'UTC');
    const q3 = parsePeriodKey('2026-Q3', 'UTC');
    if (!q2 || !q3) {
      throw new Error('periods');
    }
    const a = scopeTotalsInside(FIXTURE_ROWS, q2.start, q2.end).totals.locationKgCo2e;
    const b = scopeTotalsInside(FIXTURE_ROWS, q3.start, q3.end).totals.locationKgCo2e;
    expect(a + b).toBe(130);
    expect(a).toBe(40);
  });

  test('period keys are validated and quarters respect the time zone', () => {
    expect(parsePeriodKey('2026-Q5')).toBeNull();
    expect(parsePeriodKey('26-Q1')).toBeNull();
    expect(parsePeriodKey('2026-Q1', 'Europe/Berlin')?.start.toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });
});
