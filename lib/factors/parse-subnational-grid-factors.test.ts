import { describe, expect, test } from 'vitest';
import { parseCountryNames } from './parse-country-names';
import { parseEmberSubnational } from './parse-subnational-grid-factors';

describe('Ember sub-national parser', () => {
  const monthly = [
    'country,state_or_province,month,demand_gwh,emissions_ktco2e,emissions_intensity_gco2e_per_kwh',
    'United States,Oregon,2024-06,5284.94,916.89,173.49',
    'United States,"Washington, D.C.",2024-02,1,1,700.02',
    'United States,US Total,2024-06,1,1,380',
    'United States,Hawaii,2024-06,1,1,600',
    'India,Maharashtra,2024-06,1,1,700',
    'United States,Texas,2024-13,1,1,400',
    'United States,Utah,2024-06,1,1,',
  ].join('\n');

  test('US states become ISO 3166-2 zones with half-open month periods; totals, other countries, gaps dropped', () => {
    const factors = parseEmberSubnational(monthly, 'monthly', new Set(['US-HI']));
    expect(
      factors.map((f) => [f.zone, f.gCo2ePerKwh, f.periodStart.toISOString(), f.periodEnd.toISOString()]),
    ).toEqual([
      ['US-OR', 173.49, '2024-06-01T00:00:00.000Z', '2024-07-01T00:00:00.000Z'],
      ['US-DC', 700.02, '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ]);
    expect(factors[0]).toMatchObject({
      granularity: 'monthly',
      basis: 'lifecycle',
      id: 'ember-subnational-monthly:US-OR:2024-06',
    });
  });

  test('yearly rows cover the calendar year', () => {
    const text =
      'country,state_or_province,year,demand_gwh,emissions_ktco2e,emissions_intensity_gco2e_per_kwh\nUnited States,Oregon,2024,63885.3,13010.66,203.66\n';
    const [factor] = parseEmberSubnational(text, 'yearly');
    expect(factor).toMatchObject({ zone: 'US-OR', granularity: 'yearly', gCo2ePerKwh: 203.66 });
    expect(factor?.periodStart.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(factor?.periodEnd.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('country names parser', () => {
  test('name plus semicolon-separated aliases; rows without codes dropped', () => {
    const text =
      'iso2,iso3,name,aliases\nUS,USA,United States,United States of America;USA\nFR,FRA,France,\n,XXX,Nowhere,\n';
    expect(parseCountryNames(text)).toEqual([
      { alpha2: 'US', alpha3: 'USA', names: ['United States', 'United States of America', 'USA'] },
      { alpha2: 'FR', alpha3: 'FRA', names: ['France'] },
    ]);
  });
});
