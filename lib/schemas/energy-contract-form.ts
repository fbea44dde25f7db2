import { z } from 'zod';

// The energy contracts page's form → the API's contract shape (ZEnergyContractCreate), so the page and
// POST /api/v1/energy-contracts validate with one schema. The form asks for the last day the contract covers
// (inclusive, as contracts are written); the stored period is half-open, so its end is the next day's midnight UTC.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-12-31" → "2027-01-01"; anything else is returned as is (the schema reports it). */
export function dayAfter(day: string): string {
  const match = DAY.exec(day);
  if (!match) {
    return day;
  }
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
  return next.toISOString().slice(0, 10);
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};
const numberOf = (formData: FormData, name: string) => {
  const value = text(formData, name);
  return value === undefined ? undefined : Number(value);
};

/** Form fields: reference, instrumentType, marketZone, periodStart (first day), periodEnd (last day), volumeMwh, gCo2ePerKwh, supplier. */
export function energyContractFromForm(formData: FormData): Record<string, unknown> {
  const lastDay = text(formData, 'periodEnd');
  return {
    reference: text(formData, 'reference'),
    instrumentType: text(formData, 'instrumentType'),
    marketZone: text(formData, 'marketZone'),
    periodStart: text(formData, 'periodStart'),
    periodEnd: lastDay === undefined ? undefined : dayAfter(lastDay),
    volumeMwh: numberOf(formData, 'volumeMwh'),
    gCo2ePerKwh: numberOf(formData, 'gCo2ePerKwh'),
    supplier: text(formData, 'supplier'),
  };
}

/** The delete button's input: a contract id (an unknown or foreign id answers "not found" in lib/server). */
export const ZEnergyContractId = z.object({ id: z.string().trim().min(1).max(100) });
