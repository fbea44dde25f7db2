/**
 * Illustrative equivalences (communication aids, never part of the inventory; MR §10, docs/METHODOLOGY.md §8).
 * Each constant carries its source and vintage so it can be printed next to the figure.
 */
export interface EquivalenceConstant {
  id: string;
  label: string;
  /** kg CO2e per unit. */
  kgCo2ePerUnit: number;
  unit: string;
  source: string;
  vintage: string;
}

export const EQUIVALENCE_CONSTANTS: readonly EquivalenceConstant[] = [
  {
    id: 'vehicle-year',
    label: 'gasoline passenger vehicles driven for one year',
    kgCo2ePerUnit: 4290,
    unit: 'vehicle-year',
    source: 'US EPA Greenhouse Gas Equivalencies Calculator, Calculations and References',
    vintage: '2026-08-04',
  },
  {
    id: 'vehicle-mile',
    label: 'miles driven by an average gasoline passenger vehicle',
    kgCo2ePerUnit: 0.393,
    unit: 'mile',
    source: 'US EPA Greenhouse Gas Equivalencies Calculator',
    vintage: '2026-08-04',
  },
  {
    id: 'smartphone-charge',
    label: 'smartphones charged',
    kgCo2ePerUnit: 0.0124,
    unit: 'charge',
    source: 'US EPA Greenhouse Gas Equivalencies Calculator (CO2 only)',
    vintage: '2026-08-04',
  },
  {
    id: 'tree-seedling-10y',
    label: 'urban tree seedlings grown for 10 years',
    kgCo2ePerUnit: 60,
    unit: 'tree seedling',
    source: 'US EPA Greenhouse Gas Equivalencies Calculator (CO2 sequestered, survival-weighted)',
    vintage: '2026-08-04',
  },
  {
    id: 'flight-lhr-jfk',
    label: 'one-way economy flights London–New York (incl. radiative forcing)',
    kgCo2ePerUnit: 833,
    unit: 'passenger flight',
    source:
      'UK DESNZ GHG conversion factors 2024: 5,555 km × 0.150 kg CO2e/passenger-km, long-haul economy, with RF',
    vintage: '2024',
  },
];

export interface Equivalence extends EquivalenceConstant {
  quantity: number;
  illustrative: true;
}

/** Converts kg CO2e into each equivalence (quantity = kg / kg per unit). Negative inputs are treated as 0. */
export function computeEquivalences(kgCo2e: number): Equivalence[] {
  const kg = Math.max(0, kgCo2e);
  return EQUIVALENCE_CONSTANTS.map((c) => ({ ...c, quantity: kg / c.kgCo2ePerUnit, illustrative: true }));
}
