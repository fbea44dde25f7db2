import { describe, expect, it } from 'vitest';
import { contractCoverage, coveredSpan, describeCoverage, type TContractTerms } from './contract-coverage';

const PPA: TContractTerms = {
  reference: 'PPA-1',
  instrumentType: 'PPA',
  marketZone: 'FR',
  periodStart: new Date('2026-01-01T00:00:00Z'),
  periodEnd: new Date('2027-01-01T00:00:00Z'),
  volumeMwh: 2.5,
};
// Three 1,000 kWh records: 10 Jan, 10 Feb, and one from 31 Mar 12:00 to 1 Apr 12:00 that receives the last
// 500 kWh of the 2,500 kWh volume, split half/half over its two days by time share.
const DAYS = [
  { day: '2026-04-01', energyKwh: 250 },
  { day: '2026-01-10', energyKwh: 1000 },
  { day: '2026-02-10', energyKwh: 1000 },
  { day: '2026-03-31', energyKwh: 250 },
];
const MID_2026 = new Date('2026-06-01T00:00:00Z');

describe('contractCoverage', () => {
  it('sums allocated energy per month, with the running total, what is left, and the day it ran out', () => {
    const c = contractCoverage(PPA, DAYS, MID_2026);
    expect(c.months).toEqual([
      { month: '2026-01', allocatedKwh: 1000, cumulativeKwh: 1000, remainingKwh: 1500 },
      { month: '2026-02', allocatedKwh: 1000, cumulativeKwh: 2000, remainingKwh: 500 },
      { month: '2026-03', allocatedKwh: 250, cumulativeKwh: 2250, remainingKwh: 250 },
      { month: '2026-04', allocatedKwh: 250, cumulativeKwh: 2500, remainingKwh: 0 },
    ]);
    expect(c).toMatchObject({
      volumeKwh: 2500,
      allocatedKwh: 2500,
      remainingKwh: 0,
      usedShare: 1,
      firstDay: '2026-01-10',
      lastDay: '2026-04-01',
      usedUpOn: '2026-04-01',
      status: 'used-up',
    });
    expect(describeCoverage(PPA, c)).toBe(
      'PPA PPA-1 (FR) covered Jan–Apr 2026 and was used up on 2026-04-01.',
    );
  });

  it('treats float residue of the day-share sums as used up (under a millionth of the volume)', () => {
    const c = contractCoverage(PPA, [{ day: '2026-01-10', energyKwh: 2499.9999999 }], MID_2026);
    expect(c.status).toBe('used-up');
    expect(c.usedUpOn).toBe('2026-01-10');
    expect(c.months[0]?.remainingKwh).toBe(0);
  });

  it('a contract with volume left is in use until its period ends, then expired with the remainder', () => {
    const big = { ...PPA, volumeMwh: 10 };
    const inUse = contractCoverage(big, DAYS, MID_2026);
    expect(inUse).toMatchObject({ status: 'in-use', usedUpOn: null, remainingKwh: 7500, usedShare: 0.25 });
    expect(describeCoverage(big, inUse)).toBe(
      'PPA PPA-1 (FR) has covered Jan–Apr 2026; 75 % of its volume is left.',
    );
    const expired = contractCoverage(big, DAYS, new Date('2027-02-01T00:00:00Z'));
    expect(expired.status).toBe('expired-with-remainder');
    expect(describeCoverage(big, expired)).toBe(
      'PPA PPA-1 (FR) covered Jan–Apr 2026; it expired with 75 % of its volume unused.',
    );
  });

  it('nothing allocated: no months, no sentence; unused once the period is over', () => {
    const c = contractCoverage(PPA, [{ day: '2026-01-10', energyKwh: 0 }], new Date('2027-06-01T00:00:00Z'));
    expect(c).toMatchObject({ months: [], allocatedKwh: 0, firstDay: null, status: 'unused' });
    expect(describeCoverage(PPA, c)).toBeNull();
  });
});

describe('coveredSpan', () => {
  it('names the year once inside a year, twice across years, and a single month alone', () => {
    expect(coveredSpan('2026-01-03', '2026-08-14')).toBe('Jan–Aug 2026');
    expect(coveredSpan('2025-11-30', '2026-02-01')).toBe('Nov 2025–Feb 2026');
    expect(coveredSpan('2026-03-01', '2026-03-31')).toBe('Mar 2026');
  });
});
