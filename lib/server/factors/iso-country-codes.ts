import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseIsoCountryCodes } from '@/lib/factors/parse-grid-factors';

let alpha2ByAlpha3: Map<string, string> | undefined;

/**
 * ISO 3166-1 alpha-2 for an alpha-3 code (CodeCarbon's `country_iso_code`, e.g. FRA → FR), from the bundled
 * reference/grid/iso3166_country_codes.csv; alpha-2 input is returned as is; unknown → null.
 */
export function countryAlpha2(code: string | null | undefined): string | null {
  if (!code) {
    return null;
  }
  const upper = code.toUpperCase();
  if (upper.length === 2) {
    return upper;
  }
  // A static path under reference/ (a computed one would make the bundler trace the whole project).
  alpha2ByAlpha3 ??= parseIsoCountryCodes(
    readFileSync(path.join(process.cwd(), 'reference', 'grid', 'iso3166_country_codes.csv'), 'utf8'),
  );
  return alpha2ByAlpha3.get(upper) ?? null;
}
