import type { FactorGranularity, GridFactor } from '@/lib/emissions/factor-library-types';
import { csvRows, numberOrNull } from './csv-rows';
import { EMBER_LICENCE, EMBER_VERSION } from './parse-grid-factors';
import { US_STATE_CODES } from './us-state-codes';

/** Zone id of an Ember sub-national row: `US-<state code>` (ISO 3166-2:US); other countries are not read yet. */
function stateZone(country: string | undefined, state: string | undefined): string | null {
  const code = country === 'United States' ? US_STATE_CODES[state ?? ''] : undefined;
  return code ? `US-${code}` : null;
}

function period(granularity: FactorGranularity, key: string): { periodStart: Date; periodEnd: Date } | null {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(key);
  if (!match) {
    return null;
  }
  const year = Number(match[1]);
  if (granularity === 'yearly' && match[2] === undefined) {
    return { periodStart: new Date(Date.UTC(year, 0, 1)), periodEnd: new Date(Date.UTC(year + 1, 0, 1)) };
  }
  const month0 = Number(match[2]) - 1;
  if (granularity === 'monthly' && month0 >= 0 && month0 <= 11) {
    return {
      periodStart: new Date(Date.UTC(year, month0, 1)),
      periodEnd: new Date(Date.UTC(year, month0 + 1, 1)),
    };
  }
  return null;
}

/**
 * Ember sub-national intensities (production-based, life-cycle: in-state generation, imports ignored) for US
 * states as zones `US-OR`, `US-TX`…, from `subnational_yearly_ember.csv` (`year`) or
 * `subnational_monthly_ember.csv` (`month`). `skipZones`: zones another dataset already covers (Electricity Maps
 * has `US-AK` and `US-HI`), so one zone never mixes two datasets.
 */
export function parseEmberSubnational(
  text: string,
  granularity: 'yearly' | 'monthly',
  skipZones: ReadonlySet<string> = new Set(),
): GridFactor[] {
  const out: GridFactor[] = [];
  for (const row of csvRows(text)) {
    const zone = stateZone(row.country, row.state_or_province);
    const key = (granularity === 'yearly' ? row.year : row.month) ?? '';
    const span = period(granularity, key);
    const value = numberOrNull(row.emissions_intensity_gco2e_per_kwh);
    if (zone && span && value !== null && !skipZones.has(zone)) {
      out.push({
        id: `ember-subnational-${granularity}:${zone}:${key}`,
        zone,
        granularity,
        ...span,
        gCo2ePerKwh: value,
        basis: 'lifecycle',
        source: `Ember ${granularity} electricity data, US state (${row.state_or_province}), production-based life-cycle`,
        licence: EMBER_LICENCE,
        datasetVersion: EMBER_VERSION,
      });
    }
  }
  return out;
}
