import { describe, expect, test } from 'vitest';
import { parseAccelerators } from './parse-accelerators';
import { parseEwif } from './parse-ewif';
import {
  parseElectricityMapsDirect2024,
  parseElectricityMapsHourly,
  parseElectricityMapsLifecycleYearly,
  parseEmberCountryMonthly,
  parseEmberCountryYearly,
  parseIsoCountryCodes,
} from './parse-grid-factors';
import { parseCloudRegionLocations, parseProviderDefaults } from './parse-locations';

const codes = parseIsoCountryCodes('iso2,iso3,name\nFR,FRA,France\n"KR",KOR,"Korea, Republic of"\n');

describe('grid factor parsers', () => {
  test('Ember yearly: ISO3 → ISO2, World → WORLD, aggregates and blanks dropped', () => {
    const text = [
      'country_or_region,iso3,year,demand_twh,emissions_intensity_gco2e_per_kwh,continent,ember_region',
      'France,FRA,2023,450,56.5,Europe,Europe',
      'World,,2023,29684.94,484.4,,',
      'EU,,2023,1,250,,',
      'Atlantis,ATL,2023,1,100,,',
      'France,FRA,2024,450,,Europe,Europe',
    ].join('\n');
    const factors = parseEmberCountryYearly(text, codes);
    expect(factors.map((f) => [f.zone, f.gCo2ePerKwh])).toEqual([
      ['FR', 56.5],
      ['WORLD', 484.4],
    ]);
    expect(factors[0]).toMatchObject({
      granularity: 'yearly',
      basis: 'lifecycle',
      periodStart: new Date('2023-01-01T00:00:00Z'),
      periodEnd: new Date('2024-01-01T00:00:00Z'),
    });
  });

  test('Ember monthly: half-open calendar months', () => {
    const text =
      'country_or_region,iso3,month,demand_twh,emissions_intensity_gco2e_per_kwh\nKorea,KOR,2023-12,1,400\nKorea,KOR,bad,1,400\n';
    const [f] = parseEmberCountryMonthly(text, codes);
    expect(f).toMatchObject({
      zone: 'KR',
      granularity: 'monthly',
      periodStart: new Date('2023-12-01T00:00:00Z'),
      periodEnd: new Date('2024-01-01T00:00:00Z'),
    });
    expect(parseEmberCountryMonthly(text, codes)).toHaveLength(1);
  });

  test('Electricity Maps yearly files: life-cycle series and 2024 direct', () => {
    const lca = parseElectricityMapsLifecycleYearly(
      'zone_id,zone_name,year,ci_lifecycle_gco2e_per_kwh,renewable_pct,carbon_free_pct\nFR,France,2022,85,1,2\nFR,France,,1,1,1\n',
    );
    expect(lca).toHaveLength(1);
    expect(lca[0]).toMatchObject({ zone: 'FR', basis: 'lifecycle', gCo2ePerKwh: 85 });
    const direct = parseElectricityMapsDirect2024(
      'zone_id,zone_name,country,year,ci_direct_gco2e_per_kwh,ci_lifecycle_gco2e_per_kwh,carbon_free_pct,renewable_pct,data_source\nFR,France,France,2024,18,33,1,1,x\nXX,X,X,2024,,1,1,1,x\n',
    );
    expect(direct).toHaveLength(1);
    expect(direct[0]).toMatchObject({ basis: 'direct', gCo2ePerKwh: 18 });
  });

  test('Electricity Maps hourly: one factor per basis, one hour long', () => {
    const text =
      'datetime_utc,zone_id,ci_direct_gco2e_per_kwh,ci_lifecycle_gco2e_per_kwh,low_carbon_pct,renewable_pct,estimated,estimation_method\n2023-01-01T05:00Z,FR,35.3,56.6,1,1,0,\nnot-a-date,FR,1,1,1,1,0,\n2023-01-01T06:00Z,FR,,57,1,1,0,\n';
    const factors = parseElectricityMapsHourly(text);
    expect(factors.map((f) => [f.basis, f.gCo2ePerKwh])).toEqual([
      ['direct', 35.3],
      ['lifecycle', 56.6],
      ['lifecycle', 57],
    ]);
    const [first] = factors;
    expect((first?.periodEnd.getTime() ?? 0) - (first?.periodStart.getTime() ?? 0)).toBe(3_600_000);
  });
});

describe('location, accelerator and EWIF parsers', () => {
  const pueWue = [
    'provider,scope,location,cloud_regions_approx,metric,value,unit,period,value_type,primary_source_url,via,confidence',
    'aws,fleet,global,,PUE,1.15,ratio,2024,annual,u1,,high',
    'aws,fleet,global,,PUE,1.14,ratio,2025,annual,u2,,high',
    'aws,region,X,r-1,WUE,0.3,L/kWh,2024,annual,u3,,high',
    'gcp,campus,A,g-1,PUE,1.1,ratio,2025,ttm,u4,,medium',
    'gcp,campus,B,g-1;g-2,PUE,1.2,ratio,2025,ttm,u5,,medium',
    'azure,fleet,global (newest designs),,PUE,1.12,ratio,2022,design,u6,,low',
    'azure,fleet,global,,PUE,1.1,ratio,2022,design,u7,,low',
    'ovh,fleet,global,,PUE,1.26,ratio,2025,annual,u8,,low',
  ].join('\n');

  test('locations join published regional PUE/WUE (campuses averaged)', () => {
    const regions =
      'provider,region_code,country_code,grid_zone,location_code,source\naws,r-1,US,US-MIDA-PJM,US-VA,s\ngcp,g-1,NL,NL,NL,s\nnope,x,FR,FR,FR,s\ngcp,g-3,,FR,FR,s\n';
    const locations = parseCloudRegionLocations(regions, pueWue);
    expect(locations).toHaveLength(3);
    expect(locations[0]).toMatchObject({
      provider: 'aws',
      gridZone: 'US-MIDA-PJM',
      pue: null,
      wueLPerKwh: 0.3,
    });
    expect(locations[1]?.pue).toBeCloseTo((1.1 + 1.2) / 2, 12);
    expect(locations[2]?.countryCode).toBeNull();
  });

  test('provider defaults: most recent global fleet value, design values excluded', () => {
    const defaults = parseProviderDefaults(pueWue);
    expect(defaults).toEqual([expect.objectContaining({ provider: 'aws', pue: 1.14, wueLPerKwh: null })]);
  });

  test('accelerators: aliases split, missing idle/low/high handled, incomplete rows skipped', () => {
    const text =
      'id,name,aliases,tdp_w,idle_w,memory_gb,embodied_kgco2e,embodied_low_kgco2e,embodied_high_kgco2e,power_source,embodied_source\na,A,A-1; A 1,300,,16,100,,,p,e\nb,B,,,,,1,1,1,p,e\n';
    const [a, ...rest] = parseAccelerators(text);
    expect(rest).toHaveLength(0);
    expect(a).toMatchObject({
      aliases: ['A-1', 'A 1'],
      tdpW: 300,
      idleW: null,
      embodiedLowKgCo2e: 100,
      embodiedHighKgCo2e: 100,
    });
  });

  test('EWIF', () => {
    expect(parseEwif('zone,l_per_kwh,kind,source\nUS,3.14,consumption,WRI\nXX,,c,s\n')).toEqual([
      expect.objectContaining({ zone: 'US', lPerKwh: 3.14 }),
    ]);
  });
});
