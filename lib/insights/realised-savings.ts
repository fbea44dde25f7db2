const DAY_MS = 86_400_000;

/** One stored record of the plan's scope (project + phases), results as stored. */
export interface TScopeRecordResult {
  startedAt: Date;
  locationKgCo2e: number;
  marketKgCo2e: number;
  deviceHours: number;
  requests: number | null;
}

export interface TRealisedSavings {
  status: 'measured' | 'insufficient-data';
  /** Equal windows [completedAt − days, completedAt) and [completedAt, completedAt + days). */
  days: number;
  before: { locationKgCo2e: number; marketKgCo2e: number; work: number; records: number };
  after: { locationKgCo2e: number; marketKgCo2e: number; work: number; records: number };
  /** What the emissions are normalised by: requests, device-hours, or nothing (absolute). */
  unit: 'request' | 'device-hour' | 'none';
  /** Saving in the after window: (perUnitBefore − perUnitAfter) × workAfter, or before − after when absolute. */
  savedKgCo2e: number;
  savedMarketKgCo2e: number;
  /** savedKgCo2e × 365 / days. */
  annualisedSavedKgCo2e: number;
  method: string;
}

/** Longest comparison window, days; shorter when less data exists on either side. */
export const MAX_WINDOW_DAYS = 90;
export const MIN_WINDOW_DAYS = 7;

/**
 * Realised savings of a completed recommendation: the scope's emissions in equal periods before and after the
 * completion date, normalised per unit of work when every record reports it (requests, else device-hours), so a
 * busier after-period does not hide a cleaner one. `dataEnd` is the end of the available data (pure: no clock).
 */
export function realisedSavings(
  rows: readonly TScopeRecordResult[],
  completedAt: Date,
  dataStart: Date,
  dataEnd: Date,
): TRealisedSavings {
  const c = completedAt.getTime();
  const days = Math.min(
    MAX_WINDOW_DAYS,
    Math.floor((dataEnd.getTime() - c) / DAY_MS),
    Math.floor((c - dataStart.getTime()) / DAY_MS),
  );
  const win = Math.max(0, days) * DAY_MS;
  const sum = (lo: number, hi: number) => {
    const rs = rows.filter((r) => r.startedAt.getTime() >= lo && r.startedAt.getTime() < hi);
    return {
      rs,
      locationKgCo2e: rs.reduce((s, r) => s + r.locationKgCo2e, 0),
      marketKgCo2e: rs.reduce((s, r) => s + r.marketKgCo2e, 0),
      records: rs.length,
    };
  };
  const b = sum(c - win, c);
  const a = sum(c, c + win);
  const all = [...b.rs, ...a.rs];
  const unit: TRealisedSavings['unit'] =
    all.length > 0 && all.every((r) => (r.requests ?? 0) > 0)
      ? 'request'
      : all.length > 0 && all.every((r) => r.deviceHours > 0)
        ? 'device-hour'
        : 'none';
  const work = (rs: readonly TScopeRecordResult[]) =>
    rs.reduce(
      (s, r) => s + (unit === 'request' ? (r.requests ?? 0) : unit === 'device-hour' ? r.deviceHours : 0),
      0,
    );
  const before = {
    locationKgCo2e: b.locationKgCo2e,
    marketKgCo2e: b.marketKgCo2e,
    work: work(b.rs),
    records: b.records,
  };
  const after = {
    locationKgCo2e: a.locationKgCo2e,
    marketKgCo2e: a.marketKgCo2e,
    work: work(a.rs),
    records: a.records,
  };
  const enough = days >= MIN_WINDOW_DAYS && before.records > 0 && after.records > 0;
  // Normalised: what the after-period work would have emitted at the before-period rate, minus what it did emit.
  const saved = (kBefore: number, kAfter: number) =>
    unit === 'none' || before.work <= 0 ? kBefore - kAfter : (kBefore / before.work) * after.work - kAfter;
  const savedKgCo2e = enough ? saved(before.locationKgCo2e, after.locationKgCo2e) : 0;
  const unitText = unit === 'none' ? 'absolute (no common unit of work on every record)' : `per ${unit}`;
  return {
    status: enough ? 'measured' : 'insufficient-data',
    days: Math.max(0, days),
    before,
    after,
    unit,
    savedKgCo2e,
    savedMarketKgCo2e: enough ? saved(before.marketKgCo2e, after.marketKgCo2e) : 0,
    annualisedSavedKgCo2e: enough ? (savedKgCo2e * 365) / days : 0,
    method: enough
      ? `Stored location-based CO2e of the scope in the ${days} days before vs the ${days} days after completion (records by start time), ${unitText}: saving = rate before × work after − emissions after; annualised × 365/${days}.`
      : `Not enough data: needs at least ${MIN_WINDOW_DAYS} days of records on both sides of the completion date.`,
  };
}
