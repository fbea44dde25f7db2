import { OWNED_PROVIDERS, SOLD_PRODUCTS_PROVIDER_KEY } from './aggregate-records';
import type { TBreakdownRow, TComparisonPeriod, TPeriodTotals, TQuarterAggregates } from './aggregate-types';
import { periodWords } from './present/display-text';
import type { TReportSection, TReportTable } from './report-model';
import { periodLabel } from './report-period';
import { measuredSharePct, weightedPue } from './report-tables';
import { changePct, roundFor, toMwh, toTonnes } from './rounding';

const isOwnedKey = (key: string) => OWNED_PROVIDERS.some((p) => key.startsWith(`${p} /`) || key === p);
/** On-device inference in products sold: Category 11, in neither energy table (Table A own, Table B purchased). */
const isSoldProductsKey = (key: string) => key.startsWith(`${SOLD_PRODUCTS_PROVIDER_KEY} /`);

export function buildBoundarySection(a: TQuarterAggregates): TReportSection {
  return {
    id: 'boundary',
    number: '2',
    title: 'Boundary and scope',
    paragraphs: [
      `Entity: ${a.org.name}. Consolidation approach: operational control. Period ${a.period.key}: ${periodWords({ start: a.period.start.toISOString(), end: a.period.end.toISOString(), timeZone: a.period.timeZone })}, midnight to midnight in time zone ${a.period.timeZone} (start included, end excluded).`,
      'Included: every AI workload record stored for the organisation (training, fine-tuning, inference, evaluation, data processing). Records straddling a period boundary are split by time share.',
      'Scope placement follows the contract: owned or operationally controlled hardware (on-premise, edge) is Scope 2 electricity; cloud compute and AI services bought per call or token (records naming an AI service) are Scope 3 Category 1, shown as two rows. On-device inference in products the organisation sold is Scope 3 Category 11 (use of sold products), neither Scope 2 nor Category 1: it has its own row in Table C and is part of the totals. Purchased owned hardware is Scope 3 Category 2, booked at purchase from the hardware register (section 7). Scope 1 (generators, refrigerants) is not in the data and is reported as not available.',
    ],
    tables: [
      {
        id: 'sites',
        title: 'Sites, cloud accounts and regions',
        columns: [
          { key: 'label', label: 'Provider / region (grid zone)' },
          { key: 'classification', label: 'Classification' },
          { key: 'records', label: 'Records', unit: 'records' },
        ],
        rows: a.byRegion.map((r) => ({
          label: r.key,
          classification: isSoldProductsKey(r.key)
            ? 'Scope 3 Cat 11 (use of sold products)'
            : isOwnedKey(r.key)
              ? 'Scope 2 (owned)'
              : 'Scope 3 Cat 1 (purchased services)',
          records: r.totals.records,
        })),
      },
    ],
  };
}

/** Breakdown rows then a total row (computed from unrounded totals), as (label, totals) pairs. */
function withTotal(
  rows: readonly TBreakdownRow[],
  total: TPeriodTotals,
): { label: string; t: TPeriodTotals }[] {
  return [...rows.map((r) => ({ label: r.key, t: r.totals })), { label: 'Total', t: total }];
}

export function buildEnergySection(a: TQuarterAggregates): TReportSection {
  const ownedRegions = a.byRegion.filter((r) => isOwnedKey(r.key));
  const cloudRegions = a.byRegion.filter((r) => !isOwnedKey(r.key) && !isSoldProductsKey(r.key));
  const tableA: TReportTable = {
    id: 'table-a',
    title: 'Table A: energy, own operations',
    note: 'Fossil and nuclear split not available from the grid factors used; renewable = kWh covered by contractual instruments.',
    columns: [
      { key: 'label', label: 'Site' },
      { key: 'itMwh', label: 'IT energy', unit: 'MWh' },
      { key: 'renewableMwh', label: 'Renewable: purchased with instruments', unit: 'MWh' },
      { key: 'totalMwh', label: 'Total (facility)', unit: 'MWh' },
      { key: 'pue', label: 'PUE', unit: 'PUE' },
    ],
    rows: withTotal(ownedRegions, a.owned).map(({ label, t }) => ({
      label,
      itMwh: roundFor(toMwh(t.itEnergyKwh), 'MWh'),
      renewableMwh: roundFor(toMwh(t.marketMatchedKwh), 'MWh'),
      totalMwh: roundFor(toMwh(t.facilityEnergyKwh), 'MWh'),
      pue: weightedPue(t),
    })),
  };
  const tableB: TReportTable = {
    id: 'table-b',
    title: 'Table B: value-chain energy memo (not ESRS E1-5)',
    columns: [
      { key: 'label', label: 'Provider / region' },
      { key: 'itMwh', label: 'IT energy', unit: 'MWh' },
      { key: 'facilityMwh', label: 'Energy (facility)', unit: 'MWh' },
      { key: 'pue', label: 'PUE', unit: 'PUE' },
      { key: 'measuredPct', label: 'Measured telemetry', unit: '%' },
    ],
    rows: withTotal(cloudRegions, a.cloud).map(({ label, t }) => ({
      label,
      itMwh: roundFor(toMwh(t.itEnergyKwh), 'MWh'),
      facilityMwh: roundFor(toMwh(t.facilityEnergyKwh), 'MWh'),
      pue: weightedPue(t),
      measuredPct: measuredSharePct(t),
    })),
  };
  const byProvider: TReportTable = {
    id: 'energy-by-provider',
    title: 'Energy by provider',
    columns: [
      { key: 'label', label: 'Provider' },
      { key: 'itMwh', label: 'IT energy', unit: 'MWh' },
      { key: 'facilityMwh', label: 'Facility energy', unit: 'MWh' },
      { key: 'pue', label: 'PUE', unit: 'PUE' },
    ],
    rows: withTotal(a.byProvider, a.totals).map(({ label, t }) => ({
      label,
      itMwh: roundFor(toMwh(t.itEnergyKwh), 'MWh'),
      facilityMwh: roundFor(toMwh(t.facilityEnergyKwh), 'MWh'),
      pue: weightedPue(t),
    })),
  };
  return {
    id: 'energy',
    number: '3',
    title: 'Energy',
    paragraphs: [
      'IT energy is server and accelerator electricity; facility energy = IT energy × PUE. ESRS E1-5 covers own operations only (Table A); cloud energy is a value-chain memo item (Table B).',
    ],
    tables: [tableA, tableB, byProvider],
  };
}

type Row = { label: string; pick: (c: TComparisonPeriod) => number | null };

export function buildGhgSection(a: TQuarterAggregates): TReportSection {
  const current: TComparisonPeriod = {
    period: a.period,
    totals: a.totals,
    owned: a.owned,
    cloud: a.cloud,
    cloudCompute: a.cloudCompute,
    aiServices: a.aiServices,
    soldProducts: a.soldProducts,
    ...(a.hardware ? { hardware: a.hardware } : {}),
  };
  const t = (kg: number) => toTonnes(kg);
  const rows: Row[] = [
    { label: 'Scope 1 (generators, refrigerants)', pick: () => null },
    { label: 'Scope 2 location-based', pick: (c) => t(c.owned.locationKgCo2e) },
    { label: 'Scope 2 market-based', pick: (c) => t(c.owned.marketKgCo2e) },
    // Cat 1 in its two parts (issue #21), each on both bases; together they are the Cat 1 total.
    { label: 'Scope 3 Cat 1 cloud compute (LB basis)', pick: (c) => t(c.cloudCompute.locationKgCo2e) },
    { label: 'Scope 3 Cat 1 cloud compute (MB basis)', pick: (c) => t(c.cloudCompute.marketKgCo2e) },
    { label: 'Scope 3 Cat 1 AI services (LB basis)', pick: (c) => t(c.aiServices.locationKgCo2e) },
    { label: 'Scope 3 Cat 1 AI services (MB basis)', pick: (c) => t(c.aiServices.marketKgCo2e) },
    { label: 'Scope 3 Cat 1 total (LB basis)', pick: (c) => t(c.cloud.locationKgCo2e) },
    { label: 'Scope 3 Cat 1 total (MB basis)', pick: (c) => t(c.cloud.marketKgCo2e) },
    // Use of sold products (on-device inference in shipped products), GHG Protocol Scope 3 Category 11; shown
    // always, 0 without such records, like every other row.
    {
      label: 'Scope 3 Cat 11: use of sold products (on-device inference) (LB basis)',
      pick: (c) => t(c.soldProducts.locationKgCo2e),
    },
    {
      label: 'Scope 3 Cat 11: use of sold products (on-device inference) (MB basis)',
      pick: (c) => t(c.soldProducts.marketKgCo2e),
    },
    { label: 'Scope 3 Cat 2 hardware capex', pick: (c) => (c.hardware ? t(c.hardware.cat2KgCo2e) : null) },
    { label: 'Total (LB basis)', pick: (c) => t(c.totals.locationKgCo2e) },
    { label: 'Total (MB basis)', pick: (c) => t(c.totals.marketKgCo2e) },
    {
      label: 'Total incl. Scope 3 Cat 2 (LB basis)',
      pick: (c) => t(c.totals.locationKgCo2e + (c.hardware?.cat2KgCo2e ?? 0)),
    },
    {
      label: 'Total incl. Scope 3 Cat 2 (MB basis)',
      pick: (c) => t(c.totals.marketKgCo2e + (c.hardware?.cat2KgCo2e ?? 0)),
    },
  ];
  const quarter = a.period.kind === 'quarter';
  const tableC: TReportTable = {
    id: 'table-c',
    title: 'Table C: GHG emissions',
    note: 'Scope 1 is not available in the data (no fuel records). Scope 3 Cat 1 = cloud compute + AI services (third-party AI services such as LLM APIs, estimated per token). Scope 3 Cat 11 is on-device inference in products the organisation sold (use of sold products). Total (LB/MB basis) is the AI workload electricity (Scope 2 + Scope 3 Cat 1 + Scope 3 Cat 11), equal to the dashboard; the "incl. Scope 3 Cat 2" rows add hardware purchased in each period (booked at purchase, section 7). Amortised embodied emissions are never added.',
    columns: [
      { key: 'label', label: 'Row' },
      {
        key: 'lastYear',
        label: periodLabel(a.sameLastYear.period),
        unit: 'tCO2e',
        period: a.sameLastYear.period.key,
      },
      ...(quarter
        ? [
            {
              key: 'previous',
              label: periodLabel(a.previous.period),
              unit: 'tCO2e',
              period: a.previous.period.key,
            },
          ]
        : []),
      { key: 'current', label: periodLabel(a.period), unit: 'tCO2e' },
      ...(quarter ? [{ key: 'ytd', label: 'YTD', unit: 'tCO2e', period: a.yearToDate.period.key }] : []),
      { key: 'yoyPct', label: '% YoY', unit: '%' },
    ],
    rows: rows.map((r) => {
      const value = r.pick(current);
      const lastYear = r.pick(a.sameLastYear);
      return {
        label: r.label,
        lastYear: roundFor(lastYear, 'tCO2e'),
        ...(quarter ? { previous: roundFor(r.pick(a.previous), 'tCO2e') } : {}),
        current: roundFor(value, 'tCO2e'),
        ...(quarter ? { ytd: roundFor(r.pick(a.yearToDate), 'tCO2e') } : {}),
        yoyPct: value === null || lastYear === null ? null : roundFor(changePct(value, lastYear), '%'),
      };
    }),
  };
  const marketKg = a.totals.marketKgCo2e;
  const tableD: TReportTable = {
    id: 'table-d',
    title: 'Table D: contractual instruments (market-based)',
    note: 'Consumption without instruments uses the residual mix, or the grid average where no residual mix exists (flag MARKET_RESIDUAL_MIX_UNAVAILABLE). Quality Criteria not assessed by the product.',
    columns: [
      { key: 'reference', label: 'Instrument' },
      { key: 'type', label: 'Type' },
      { key: 'market', label: 'Market' },
      { key: 'vintage', label: 'Vintage' },
      { key: 'volumeMwh', label: 'Contract volume', unit: 'MWh' },
      { key: 'appliedMwh', label: 'Applied this period', unit: 'MWh' },
      { key: 'factor', label: 'Factor', unit: 'gCO2e/kWh' },
      { key: 'supplier', label: 'Supplier' },
    ],
    rows: a.energyContracts.map((c) => ({
      reference: c.reference,
      type: c.instrumentType,
      market: c.marketZone,
      vintage: `${c.periodStart.toISOString().slice(0, 10)} – ${c.periodEnd.toISOString().slice(0, 10)}`,
      volumeMwh: roundFor(c.volumeMwh, 'MWh'),
      appliedMwh: roundFor(
        toMwh(a.contractUse.find((u) => u.contractId === c.reference)?.energyKwh ?? 0),
        'MWh',
      ),
      factor: roundFor(c.gCo2ePerKwh, 'gCO2e/kWh'),
      supplier: c.supplier,
    })),
  };
  return {
    id: 'ghg',
    number: '4',
    title: 'GHG emissions',
    paragraphs: [
      'Location-based and market-based figures are shown side by side and never mixed; totals are given on each basis.',
      `Amortised embodied emissions (management view, never added to inventory totals): ${roundFor(toTonnes(a.totals.embodiedKgCo2e), 'tCO2e')} tCO2e.`,
      `Market-based total ${roundFor(toTonnes(marketKg), 'tCO2e')} tCO2e; kWh covered by instruments: ${roundFor(toMwh(a.totals.marketMatchedKwh), 'MWh')} MWh.`,
      'Table E (GHG intensity per net revenue) is not available: net revenue is not recorded in the product.',
    ],
    tables: [tableC, tableD],
  };
}
