import type { FactorBasis, GridFactor } from '@/lib/emissions/factor-library-types';
import { csvRows, numberOrNull } from './csv-rows';

export const EMBER_VERSION = 'ember-data-api@02ce82d4 (2025-05-21)';
export const EMBER_LICENCE = 'CC BY 4.0 (Ember)';
export const EM_LICENCE = 'ODbL 1.0 (Electricity Maps)';
const HOUR_MS = 3_600_000;

const yearPeriod = (year: number) => ({
  periodStart: new Date(Date.UTC(year, 0, 1)),
  periodEnd: new Date(Date.UTC(year + 1, 0, 1)),
});

/** ISO 3166 alpha-3 → alpha-2 from `iso3166_country_codes.csv` (iso2, iso3, name). */
export function parseIsoCountryCodes(text: string): Map<string, string> {
  return new Map(csvRows(text).map((r) => [r.iso3 ?? '', r.iso2 ?? '']));
}

/** Ember country key → zone: ISO alpha-2, or WORLD for Ember's "World" aggregate; other aggregates dropped. */
function emberZone(
  name: string | undefined,
  iso3: string | undefined,
  codes: Map<string, string>,
): string | null {
  if (iso3) {
    return codes.get(iso3) ?? null;
  }
  return name === 'World' ? 'WORLD' : null;
}

/** Ember yearly country intensities (production-based, life-cycle), `country_yearly_ember.csv`. */
export function parseEmberCountryYearly(text: string, codes: Map<string, string>): GridFactor[] {
  const out: GridFactor[] = [];
  for (const row of csvRows(text)) {
    const zone = emberZone(row.country_or_region, row.iso3, codes);
    const year = numberOrNull(row.year);
    const value = numberOrNull(row.emissions_intensity_gco2e_per_kwh);
    if (zone && year !== null && value !== null) {
      out.push({
        id: `ember-yearly:${zone}:${year}`,
        zone,
        granularity: 'yearly',
        ...yearPeriod(year),
        gCo2ePerKwh: value,
        basis: 'lifecycle',
        source: 'Ember yearly electricity data, country, production-based life-cycle',
        licence: EMBER_LICENCE,
        datasetVersion: EMBER_VERSION,
      });
    }
  }
  return out;
}

/** Ember monthly country intensities (production-based, life-cycle), `country_monthly_ember.csv`. */
export function parseEmberCountryMonthly(text: string, codes: Map<string, string>): GridFactor[] {
  const out: GridFactor[] = [];
  for (const row of csvRows(text)) {
    const zone = emberZone(row.country_or_region, row.iso3, codes);
    const match = /^(\d{4})-(\d{2})$/.exec(row.month ?? '');
    const value = numberOrNull(row.emissions_intensity_gco2e_per_kwh);
    if (zone && match && value !== null) {
      const year = Number(match[1]);
      const month0 = Number(match[2]) - 1;
      out.push({
        id: `ember-monthly:${zone}:${row.month}`,
        zone,
        granularity: 'monthly',
        periodStart: new Date(Date.UTC(year, month0, 1)),
        periodEnd: new Date(Date.UTC(year, month0 + 1, 1)),
        gCo2ePerKwh: value,
        basis: 'lifecycle',
        source: 'Ember monthly electricity data, country, production-based life-cycle',
        licence: EMBER_LICENCE,
        datasetVersion: EMBER_VERSION,
      });
    }
  }
  return out;
}

/** Electricity Maps 2021–2025 yearly life-cycle zone values (co2.js copy, Feb-2026 vintage). */
export function parseElectricityMapsLifecycleYearly(text: string): GridFactor[] {
  const out: GridFactor[] = [];
  for (const row of csvRows(text)) {
    const year = numberOrNull(row.year);
    const value = numberOrNull(row.ci_lifecycle_gco2e_per_kwh);
    if (row.zone_id && year !== null && value !== null) {
      out.push({
        id: `em-yearly-lca:${row.zone_id}:${year}`,
        zone: row.zone_id,
        granularity: 'yearly',
        ...yearPeriod(year),
        gCo2ePerKwh: value,
        basis: 'lifecycle',
        source:
          'Electricity Maps yearly zone data (consumption-based life-cycle), via thegreenwebfoundation/co2.js',
        licence: EM_LICENCE,
        datasetVersion: 'electricitymaps-yearly@2026-02 (co2.js 27cbe832)',
      });
    }
  }
  return out;
}

/** Electricity Maps 2024 yearly zone values: only the direct column is used (life-cycle comes from the 2021–2025 file). */
export function parseElectricityMapsDirect2024(text: string): GridFactor[] {
  const out: GridFactor[] = [];
  for (const row of csvRows(text)) {
    const year = numberOrNull(row.year);
    const value = numberOrNull(row.ci_direct_gco2e_per_kwh);
    if (row.zone_id && year !== null && value !== null) {
      out.push({
        id: `em-yearly-2024:${row.zone_id}:${year}:direct`,
        zone: row.zone_id,
        granularity: 'yearly',
        ...yearPeriod(year),
        gCo2ePerKwh: value,
        basis: 'direct',
        source: 'Electricity Maps 2024 Yearly Carbon Intensity Data (consumption-based direct)',
        licence: EM_LICENCE,
        datasetVersion: 'electricitymaps-yearly-2024@2025-01-27',
      });
    }
  }
  return out;
}

/** Electricity Maps hourly zone file (UTC hour starts), both bases. */
export function parseElectricityMapsHourly(text: string): GridFactor[] {
  const out: GridFactor[] = [];
  const columns: Array<[FactorBasis, string]> = [
    ['direct', 'ci_direct_gco2e_per_kwh'],
    ['lifecycle', 'ci_lifecycle_gco2e_per_kwh'],
  ];
  for (const row of csvRows(text)) {
    const startMs = Date.parse(row.datetime_utc ?? '');
    if (!row.zone_id || Number.isNaN(startMs)) {
      continue;
    }
    for (const [basis, column] of columns) {
      const value = numberOrNull(row[column]);
      if (value !== null) {
        out.push({
          id: `em-hourly:${row.zone_id}:${row.datetime_utc}:${basis}`,
          zone: row.zone_id,
          granularity: 'hourly',
          periodStart: new Date(startMs),
          periodEnd: new Date(startMs + HOUR_MS),
          gCo2ePerKwh: value,
          basis,
          source: `Electricity Maps ${row.zone_id} 2023 hourly carbon intensity (consumption-based)`,
          licence: EM_LICENCE,
          datasetVersion: 'electricitymaps-hourly-2023',
        });
      }
    }
  }
  return out;
}
