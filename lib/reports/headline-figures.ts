import { gCo2ePer1kRequests, gCo2ePer1mTokens } from '@/lib/emissions/intensity-metrics';
import { measuredShare } from '@/lib/emissions/measured-share';
import type { TQuarterAggregates, TScopeTotals } from './aggregate-types';
import type { THeadlineFigure } from './report-model';
import { changePct, roundFor, toM3, toMwh, toTonnes } from './rounding';

interface HeadlineDefinition {
  id: string;
  label: string;
  unit: string;
  basis: string;
  /** Unrounded value from one period's scope totals; null when undefined (e.g. no requests). */
  value: (t: TScopeTotals) => number | null;
}

/** SCI uses location-based I and amortised M over the records carrying the functional unit (ISO/IEC 21031). */
export const HEADLINE_DEFINITIONS: readonly HeadlineDefinition[] = [
  {
    id: 'electricity-mwh',
    label: 'Electricity (facility)',
    unit: 'MWh',
    basis: 'facility energy',
    value: (t) => toMwh(t.totals.facilityEnergyKwh),
  },
  {
    id: 'scope2-location',
    label: 'Scope 2 location-based (owned hardware)',
    unit: 'tCO2e',
    basis: 'location-based',
    value: (t) => toTonnes(t.owned.locationKgCo2e),
  },
  {
    id: 'scope2-market',
    label: 'Scope 2 market-based (owned hardware)',
    unit: 'tCO2e',
    basis: 'market-based',
    value: (t) => toTonnes(t.owned.marketKgCo2e),
  },
  {
    id: 'scope3-cat1-location',
    label: 'Scope 3 Cat 1 cloud and AI services (LB)',
    unit: 'tCO2e',
    basis: 'location-based',
    value: (t) => toTonnes(t.cloud.locationKgCo2e),
  },
  {
    id: 'scope3-cat1-market',
    label: 'Scope 3 Cat 1 cloud and AI services (MB)',
    unit: 'tCO2e',
    basis: 'market-based',
    value: (t) => toTonnes(t.cloud.marketKgCo2e),
  },
  {
    id: 'scope3-cat1-cloud-compute-location',
    label: 'Scope 3 Cat 1 cloud compute (LB)',
    unit: 'tCO2e',
    basis: 'location-based',
    value: (t) => toTonnes(t.cloudCompute.locationKgCo2e),
  },
  {
    id: 'scope3-cat1-cloud-compute-market',
    label: 'Scope 3 Cat 1 cloud compute (MB)',
    unit: 'tCO2e',
    basis: 'market-based',
    value: (t) => toTonnes(t.cloudCompute.marketKgCo2e),
  },
  {
    id: 'scope3-cat1-ai-services-location',
    label: 'Scope 3 Cat 1 AI services (LB)',
    unit: 'tCO2e',
    basis: 'location-based',
    value: (t) => toTonnes(t.aiServices.locationKgCo2e),
  },
  {
    id: 'scope3-cat1-ai-services-market',
    label: 'Scope 3 Cat 1 AI services (MB)',
    unit: 'tCO2e',
    basis: 'market-based',
    value: (t) => toTonnes(t.aiServices.marketKgCo2e),
  },
  {
    id: 'scope3-cat11-sold-products-location',
    label: 'Scope 3 Cat 11 use of sold products, on-device inference (LB)',
    unit: 'tCO2e',
    basis: 'location-based',
    value: (t) => toTonnes(t.soldProducts.locationKgCo2e),
  },
  {
    id: 'scope3-cat11-sold-products-market',
    label: 'Scope 3 Cat 11 use of sold products, on-device inference (MB)',
    unit: 'tCO2e',
    basis: 'market-based',
    value: (t) => toTonnes(t.soldProducts.marketKgCo2e),
  },
  {
    id: 'scope3-cat2',
    label: 'Scope 3 Cat 2 hardware purchased (booked at purchase)',
    unit: 'tCO2e',
    basis: 'inventory (capital goods)',
    value: (t) => (t.hardware ? toTonnes(t.hardware.cat2KgCo2e) : null),
  },
  {
    id: 'total-location',
    label: 'Total AI footprint, location-based',
    unit: 'tCO2e',
    basis: 'location-based',
    value: (t) => toTonnes(t.totals.locationKgCo2e),
  },
  {
    id: 'total-market',
    label: 'Total AI footprint, market-based',
    unit: 'tCO2e',
    basis: 'market-based',
    value: (t) => toTonnes(t.totals.marketKgCo2e),
  },
  {
    id: 'water-onsite',
    label: 'Water on-site (data-centre cooling)',
    unit: 'm³',
    basis: 'consumption',
    value: (t) => toM3(t.totals.waterOnsiteL),
  },
  {
    id: 'water-offsite',
    label: 'Water off-site (electricity generation)',
    unit: 'm³',
    basis: 'consumption',
    value: (t) => toM3(t.totals.waterOffsiteL),
  },
  {
    id: 'measured-share',
    label: 'IT energy measured (not modelled)',
    unit: '%',
    basis: 'share of IT energy',
    value: (t) => {
      const share = measuredShare(t.totals.measuredItEnergyKwh, t.totals.itEnergyKwh);
      return share === null ? null : share * 100;
    },
  },
  {
    id: 'sci-per-1k-requests',
    label: 'SCI per 1,000 requests',
    unit: 'gCO2e/1k requests',
    basis: 'SCI (location-based I + amortised M)',
    value: (t) =>
      gCo2ePer1kRequests(t.totals.requestLocationKgCo2e + t.totals.requestEmbodiedKgCo2e, t.totals.requests),
  },
  {
    id: 'sci-per-1m-tokens',
    label: 'SCI per 1M tokens',
    unit: 'gCO2e/1M tokens',
    basis: 'SCI (location-based I + amortised M)',
    value: (t) =>
      gCo2ePer1mTokens(t.totals.tokenLocationKgCo2e + t.totals.tokenEmbodiedKgCo2e, t.totals.tokens),
  },
];

const change = (current: number | null, base: number | null) =>
  current === null || base === null ? null : changePct(current, base);

/** KPI tiles: the period, previous period, same period last year and year to date, with % changes. */
export function buildHeadline(a: TQuarterAggregates): THeadlineFigure[] {
  return HEADLINE_DEFINITIONS.map((d) => {
    const value = d.value(a);
    const previous = d.value(a.previous);
    const sameLastYear = d.value(a.sameLastYear);
    const pctUnit = d.unit === '%';
    return {
      id: d.id,
      label: d.label,
      unit: d.unit,
      basis: d.basis,
      value: roundFor(value, d.unit),
      previous: roundFor(previous, d.unit),
      changeVsPreviousPct: pctUnit ? null : roundFor(change(value, previous), '%'),
      sameLastYear: roundFor(sameLastYear, d.unit),
      changeVsLastYearPct: pctUnit ? null : roundFor(change(value, sameLastYear), '%'),
      yearToDate: roundFor(d.value(a.yearToDate), d.unit),
    };
  });
}
