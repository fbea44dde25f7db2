import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CountryName } from '@/lib/emissions/factor-library-types';
import { parseCountryNames } from '@/lib/factors/parse-country-names';

let countries: CountryName[] | undefined;
let alpha2ByAlpha3: Map<string, string> | undefined;

/**
 * The ISO 3166-1 country table (codes and English names) from the bundled reference/grid/iso3166_country_codes.csv,
 * read once per process. ISO codes are fixed facts, not organisation data, so the database library takes them
 * from the bundled file rather than from a table (`getFactorLibrary`).
 */
export function bundledCountryNames(): CountryName[] {
  // A static path under reference/ (a computed one would make the bundler trace the whole project).
  countries ??= parseCountryNames(
    readFileSync(path.join(process.cwd(), 'reference', 'grid', 'iso3166_country_codes.csv'), 'utf8'),
  );
  return countries;
}

/**
 * ISO 3166-1 alpha-2 for an alpha-3 code (CodeCarbon's `country_iso_code`, e.g. FRA → FR); alpha-2 input is
 * returned as is; unknown → null.
 */
export function countryAlpha2(code: string | null | undefined): string | null {
  if (!code) {
    return null;
  }
  const upper = code.toUpperCase();
  if (upper.length === 2) {
    return upper;
  }
  alpha2ByAlpha3 ??= new Map(bundledCountryNames().map((c) => [c.alpha3, c.alpha2]));
  return alpha2ByAlpha3.get(upper) ?? null;
}
