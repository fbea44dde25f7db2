import { describe, expect, it } from 'vitest';
import { auditDetails, fieldLabel, valueText } from './audit-details';

describe('auditDetails', () => {
  it('turns a settings change into one field per changed value, old → new', () => {
    expect(
      auditDetails({
        before: { currency: 'EUR', carbonPricePerTonneCo2e: 80, timeZone: 'UTC' },
        after: { currency: 'USD', carbonPricePerTonneCo2e: 95.5, timeZone: 'UTC' },
        recompute: null,
      }),
    ).toEqual([
      { label: 'Currency', value: 'EUR → USD' },
      { label: 'Carbon price per tonne co2e', value: '80 → 95.5' },
      { label: 'Recompute', value: '—' },
    ]);
  });

  it('flattens nested objects with units in the labels and instants without .000Z', () => {
    expect(
      auditDetails({
        contract: { reference: 'PPA-1', volumeMwh: 250, periodStart: '2026-01-01T00:00:00.000Z' },
        recompute: { records: 2314, changedRecords: 0 },
      }),
    ).toEqual([
      { label: 'Contract › Reference', value: 'PPA-1' },
      { label: 'Contract › Volume (MWh)', value: '250' },
      { label: 'Contract › Period start', value: '1 Jan 2026, 00:00 UTC' },
      { label: 'Recompute › Records', value: '2,314' },
      { label: 'Recompute › Changed records', value: '0' },
    ]);
  });

  it('handles scalars, arrays, booleans and empty metadata', () => {
    expect(auditDetails(null)).toEqual([]);
    expect(auditDetails({ scopes: ['read', 'reports'], enabled: false })).toEqual([
      { label: 'Scopes', value: 'read, reports' },
      { label: 'Enabled', value: 'no' },
    ]);
    expect(valueText('')).toBe('—');
    expect(auditDetails({ baseYear: 2025, targetValue: 47.5 })).toEqual([
      { label: 'Base year', value: '2025' },
      { label: 'Target value', value: '47.5' },
    ]);
    expect(auditDetails({ key: 'k', from: { status: 'planned' }, to: { status: 'done' } })).toEqual([
      { label: 'Status', value: 'planned → done' },
      { label: 'Key', value: 'k' },
    ]);
    expect(fieldLabel('thresholdPct')).toBe('Threshold (%)');
    expect(fieldLabel('gCo2ePerKwh')).toBe('Emission rate (g CO₂e/kWh)');
    expect(fieldLabel('intensityGCo2ePerKwh')).toBe('Intensity (g CO₂e/kWh)');
  });
});
