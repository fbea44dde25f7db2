/**
 * Owned hardware of the demo organisation (Scope 3 Cat 2 register). Catalog entries take their embodied figure and
 * source from the factor library at seed time; the storage servers carry an explicit, clearly illustrative figure.
 * Dates are fixed so that Q3 2026 (the last full demo quarter) books a purchase and an early retirement.
 */
export type TDemoHardware = {
  name: string;
  acceleratorId: string | null;
  hardwareType: string | null;
  unitCount: number;
  purchasedOn: string;
  embodiedKgCo2ePerUnit: number | null;
  embodiedSource: string | null;
  expectedLifetimeYears: number;
  location: string;
  retiredOn: string | null;
};

export const DEMO_HARDWARE: readonly TDemoHardware[] = [
  {
    name: 'Frankfurt A100 cluster',
    acceleratorId: 'nvidia-a100-sxm4',
    hardwareType: null,
    unitCount: 64,
    purchasedOn: '2024-09-02',
    embodiedKgCo2ePerUnit: null,
    embodiedSource: null,
    expectedLifetimeYears: 4,
    location: 'DE, Frankfurt colocation',
    retiredOn: null,
  },
  {
    name: 'Edge L4 inference boxes',
    acceleratorId: 'nvidia-l4',
    hardwareType: null,
    unitCount: 8,
    purchasedOn: '2025-06-10',
    embodiedKgCo2ePerUnit: null,
    embodiedSource: null,
    expectedLifetimeYears: 5,
    location: 'Edge sites',
    retiredOn: '2026-09-30',
  },
  {
    name: 'Storage servers',
    acceleratorId: null,
    hardwareType: '2U storage server',
    unitCount: 6,
    purchasedOn: '2026-02-03',
    embodiedKgCo2ePerUnit: 1250,
    embodiedSource: 'Illustrative demo estimate (no supplier PCF): typical 2U server order of magnitude',
    expectedLifetimeYears: 6,
    location: 'DE, Frankfurt colocation',
    retiredOn: null,
  },
  {
    name: 'Frankfurt H100 inference nodes',
    acceleratorId: 'nvidia-h100-sxm',
    hardwareType: null,
    unitCount: 16,
    purchasedOn: '2026-08-17',
    embodiedKgCo2ePerUnit: null,
    embodiedSource: null,
    expectedLifetimeYears: 4,
    location: 'DE, Frankfurt colocation',
    retiredOn: null,
  },
];
