import {
  amortisedKgCo2eInPeriod,
  assetEmbodiedKgCo2e,
  assetsRelevantToPeriod,
  cat2KgCo2eInPeriod,
} from '@/lib/hardware/hardware-embodied';
import type { TQuarterAggregates } from './aggregate-types';
import type { TReportSection, TReportTable } from './report-model';
import { periodLabel } from './report-period';
import { roundFor, toTonnes } from './rounding';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const tonnes = (kg: number | null | undefined) =>
  kg === null || kg === undefined ? null : roundFor(toTonnes(kg), 'tCO2e');

/** Why the three embodied figures never add up to each other (docs/METHODOLOGY.md "Owned hardware"). */
export const DOUBLE_COUNTING_NOTE =
  'No double counting: only Scope 3 Category 2 (full embodied emissions of hardware purchased in the period, ' +
  'GHG Protocol capital goods) enters the inventory totals. The register amortisation and the per-job amortised ' +
  'embodied emissions computed by the engine (device-hours × embodied per device ÷ lifetime hours, used in SCI as M) ' +
  'are two management views of the same manufacturing emissions and are never added to the inventory or to each ' +
  'other. Per-job embodied of cloud records belongs to the provider’s hardware and sits inside Category 1 data, not ' +
  'Category 2.';

/**
 * Section 7 (ESG report outline, docs/REPORTS.md): the asset register with Cat 2 booked this period and amortised M this period,
 * and a memo table comparing Cat 2 (lumpy), register amortisation (smooth) and per-job amortisation.
 */
export function buildHardwareSection(a: TQuarterAggregates): TReportSection {
  const assets = a.hardwareAssets ?? [];
  const { start, end } = a.period;
  const listed = assetsRelevantToPeriod(assets, start, end);
  const register: TReportTable = {
    id: 'asset-register',
    title: 'Owned hardware register',
    note: 'Embodied per unit is cradle-to-gate manufacturing (kg CO2e); the source names the PCF or factor-library entry.',
    columns: [
      { key: 'label', label: 'Asset' },
      { key: 'type', label: 'Hardware' },
      { key: 'units', label: 'Units', unit: 'count' },
      { key: 'purchased', label: 'Purchased' },
      { key: 'retired', label: 'Retired' },
      { key: 'perUnitKg', label: 'Embodied per unit', unit: 'kgCO2e' },
      { key: 'source', label: 'Embodied source' },
      { key: 'lifetimeYears', label: 'Expected lifetime', unit: 'years' },
      { key: 'totalT', label: 'Total embodied', unit: 'tCO2e' },
      { key: 'cat2T', label: 'Scope 3 Cat 2 booked this period', unit: 'tCO2e', basis: 'inventory' },
      { key: 'amortisedT', label: 'Amortised this period (memo)', unit: 'tCO2e', basis: 'memo' },
    ],
    rows: listed.map((asset) => ({
      label: asset.name,
      type: asset.hardwareType,
      units: asset.unitCount,
      purchased: day(asset.purchasedOn),
      retired: day(asset.retiredOn),
      perUnitKg: roundFor(asset.embodiedKgCo2ePerUnit, 'kgCO2e'),
      source: asset.embodiedSource,
      lifetimeYears: roundFor(asset.expectedLifetimeYears, 'years'),
      totalT: tonnes(assetEmbodiedKgCo2e(asset)),
      cat2T: tonnes(cat2KgCo2eInPeriod(asset, start, end)),
      amortisedT: tonnes(amortisedKgCo2eInPeriod(asset, start, end)),
    })),
  };
  const memo: TReportTable = {
    id: 'embodied-memo',
    title: 'Embodied emissions: inventory vs management views',
    note: DOUBLE_COUNTING_NOTE,
    columns: [
      { key: 'label', label: 'Figure' },
      { key: 'treatment', label: 'Treatment' },
      { key: 'current', label: periodLabel(a.period), unit: 'tCO2e' },
      { key: 'ytd', label: 'YTD', unit: 'tCO2e', period: a.yearToDate.period.key },
    ],
    rows: [
      {
        label: 'Scope 3 Cat 2: hardware purchased (booked at purchase)',
        treatment: 'inventory',
        current: tonnes(a.hardware?.cat2KgCo2e),
        ytd: tonnes(a.yearToDate.hardware?.cat2KgCo2e),
      },
      {
        label: 'Owned hardware register, amortised over lifetime',
        treatment: 'memo, not added',
        current: tonnes(a.hardware?.amortisedKgCo2e),
        ytd: tonnes(a.yearToDate.hardware?.amortisedKgCo2e),
      },
      {
        label: 'Per-job amortised embodied, owned hardware (engine)',
        treatment: 'memo, not added',
        current: tonnes(a.owned.embodiedKgCo2e),
        ytd: tonnes(a.yearToDate.owned.embodiedKgCo2e),
      },
      {
        label: 'Per-job amortised embodied, cloud hardware (engine)',
        treatment: 'memo, not added',
        current: tonnes(a.cloud.embodiedKgCo2e),
        ytd: tonnes(a.yearToDate.cloud.embodiedKgCo2e),
      },
    ],
  };
  const registerAmortised = a.hardware?.amortisedKgCo2e ?? 0;
  const paragraphs = [
    'Manufacturing emissions of owned hardware are Scope 3 Category 2 (capital goods) and are booked in full in the period of purchase, as the GHG Protocol requires; this figure is lumpy. Straight-line amortisation over the expected lifetime (written off at early retirement) is shown as a smooth management view only.',
    DOUBLE_COUNTING_NOTE,
  ];
  if (registerAmortised > 0) {
    const share = (a.owned.embodiedKgCo2e / registerAmortised) * 100;
    paragraphs.push(
      `Per-job amortised embodied of owned hardware is ${roundFor(share, '%')} % of the register amortisation this period: the rest is hardware time not attributed to any recorded job (idle or unrecorded capacity).`,
    );
  }
  if (assets.length === 0) {
    paragraphs.push('No owned hardware is registered (Settings → Hardware): Category 2 is reported as 0.');
  }
  return {
    id: 'hardware',
    number: '7',
    title: 'Hardware and embodied emissions',
    paragraphs,
    tables: [register, memo],
  };
}
