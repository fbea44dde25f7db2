import { describe, expect, it } from 'vitest';
import { ZEnergyContractCreate } from './api-v1-contracts';
import { dayAfter, energyContractFromForm } from './energy-contract-form';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    data.append(k, v);
  }
  return data;
};

describe('energyContractFromForm', () => {
  it('turns the inclusive last day into the half-open period end (next midnight UTC) and numbers', () => {
    const parsed = ZEnergyContractCreate.parse(
      energyContractFromForm(
        form({
          reference: ' PPA-2026 ',
          instrumentType: 'PPA',
          marketZone: 'fr',
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          volumeMwh: '250',
          gCo2ePerKwh: '0',
          supplier: '',
        }),
      ),
    );
    expect(parsed).toEqual({
      reference: 'PPA-2026',
      instrumentType: 'PPA',
      marketZone: 'FR',
      periodStart: new Date('2026-01-01T00:00:00Z'),
      periodEnd: new Date('2027-01-01T00:00:00Z'),
      volumeMwh: 250,
      gCo2ePerKwh: 0,
    });
  });

  it('reports an empty volume, and a last day before the first day on the period end field', () => {
    const fields = {
      reference: 'x',
      instrumentType: 'GO',
      marketZone: 'DE',
      periodStart: '2026-03-01',
      gCo2ePerKwh: '0',
    };
    const paths = (f: Record<string, string>) =>
      ZEnergyContractCreate.safeParse(energyContractFromForm(form(f))).error?.issues.map((i) =>
        i.path.join('.'),
      );
    expect(paths({ ...fields, periodEnd: '2026-12-31' })).toEqual(['volumeMwh']);
    expect(paths({ ...fields, periodEnd: '2026-01-31', volumeMwh: '5' })).toEqual(['periodEnd']);
    // The last day may be the first day: one day's validity.
    expect(paths({ ...fields, periodEnd: '2026-03-01', volumeMwh: '5' })).toBeUndefined();
  });

  it('dayAfter crosses month, year and leap-day boundaries', () => {
    expect(dayAfter('2026-01-31')).toBe('2026-02-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('31/12/2026')).toBe('31/12/2026');
  });
});
