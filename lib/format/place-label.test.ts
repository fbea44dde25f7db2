import { describe, expect, it } from 'vitest';
import { countryName, PLACE_NOT_STATED, placeLabel, placeLabelWithCode, regionLabel } from './place-label';

// Expected names are the ISO 3166-1 short English names as CLDR (and so every browser) prints them.
describe('countryName', () => {
  it('names alpha-3 codes (the EcoLogits mix zones) and alpha-2 codes', () => {
    expect(countryName('USA')).toBe('United States');
    expect(countryName('SWE')).toBe('Sweden');
    expect(countryName('FRA')).toBe('France');
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('KR')).toBe('South Korea');
    expect(countryName('GBR')).toBe('United Kingdom');
  });

  it('is not a country: EcoLogits world mix, private-use codes, cloud regions, grid zones', () => {
    expect(countryName('WOR')).toBeNull();
    expect(countryName('ZZ')).toBeNull();
    expect(countryName('us-east-1')).toBeNull();
    expect(countryName('US-CAL-CISO')).toBeNull();
    expect(countryName('swedencentral')).toBeNull();
  });

  it('reads lower case only when asked (a cloud writes its regions in lower case)', () => {
    expect(countryName('us')).toBeNull();
    expect(countryName('de', true)).toBe('Germany');
  });
});

describe('placeLabel', () => {
  it('keeps a cloud region code after the provider name', () => {
    expect(placeLabel({ provider: 'aws', region: 'us-east-1' })).toBe('AWS us-east-1');
    expect(placeLabel({ provider: 'azure', region: 'swedencentral' })).toBe('Azure swedencentral');
    expect(placeLabel({ provider: 'gcp', region: 'europe-west9' })).toBe('Google Cloud europe-west9');
    // GCP's multi-region "us" is a region of the cloud, not the United States.
    expect(placeLabel({ provider: 'gcp', region: 'us' })).toBe('Google Cloud us');
  });

  it('names the country of an on-premise site or of devices', () => {
    expect(placeLabel({ provider: 'on_prem', region: 'DE' })).toBe('On-premise, Germany');
    expect(placeLabel({ provider: 'on_prem', region: 'de' })).toBe('On-premise, Germany');
    expect(placeLabel({ provider: 'edge', region: 'FR' })).toBe('Edge, France');
    expect(placeLabel({ provider: 'on_prem', region: 'fra-dc1' })).toBe('On-premise fra-dc1');
  });

  it('prints no "Other" for AI-service rows of the model vendors’ own APIs: the country only', () => {
    expect(placeLabel({ provider: 'other', region: 'USA' })).toBe('United States');
    expect(placeLabel({ provider: 'other', region: 'SWE' })).toBe('Sweden');
    expect(placeLabel({ provider: 'other', region: 'eu-west' })).toBe('eu-west');
  });

  it('says what is missing', () => {
    expect(placeLabel({ provider: 'aws', region: null })).toBe('AWS');
    expect(placeLabel({ provider: 'other', region: null })).toBe(PLACE_NOT_STATED);
    expect(placeLabel({ provider: null, region: '  ' })).toBe(PLACE_NOT_STATED);
    expect(placeLabel({ provider: null, region: 'JPN' })).toBe('Japan');
  });

  it('adds the stored code where it was replaced by a name', () => {
    expect(placeLabelWithCode({ provider: 'other', region: 'USA' })).toBe('United States (USA)');
    expect(placeLabelWithCode({ provider: 'on_prem', region: 'DE' })).toBe('On-premise, Germany (DE)');
    expect(placeLabelWithCode({ provider: 'aws', region: 'us-east-1' })).toBe('AWS us-east-1');
  });
});

describe('regionLabel', () => {
  it('names countries and keeps other regions', () => {
    expect(regionLabel('USA')).toBe('United States');
    expect(regionLabel('europe-west9', 'gcp')).toBe('europe-west9');
    expect(regionLabel('us', 'gcp')).toBe('us');
  });
});
