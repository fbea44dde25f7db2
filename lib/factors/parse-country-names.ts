import type { CountryName } from '@/lib/emissions/factor-library-types';
import { csvRows } from './csv-rows';

/**
 * ISO 3166-1 countries from `iso3166_country_codes.csv` (iso2, iso3, name, aliases): the Ember name plus the
 * `;`-separated aliases (CLDR English name where it differs, common alternates such as `USA`, `UK`).
 */
export function parseCountryNames(text: string): CountryName[] {
  const out: CountryName[] = [];
  for (const row of csvRows(text)) {
    if (!row.iso2 || !row.iso3) {
      continue;
    }
    const aliases = (row.aliases ?? '')
      .split(';')
      .map((alias) => alias.trim())
      .filter(Boolean);
    out.push({ alpha2: row.iso2, alpha3: row.iso3, names: [...(row.name ? [row.name] : []), ...aliases] });
  }
  return out;
}
