import type { TContractUse, TFactorUsed } from './aggregate-types';

/**
 * Pure assembly of the report's per-record quality facts (assumption flags, cited factors, contract use,
 * methodology versions) from usage_quality_daily sums over a period (lib/server/reports/quarter-quality.ts reads them).
 * The record-by-record path (lib/reports/aggregate-records.ts) defines the semantics reproduced here: a factor or
 * contract cited with different metadata in the period is listed ONCE, with the metadata of its first citation
 * (records ordered by start, then id; references in array order) and the counts/energy of all citations.
 */

export type TQualityFact = 'flag' | 'factor' | 'contract' | 'methodology';

/** One (fact, key, detail) variant summed over the period's local days. */
export interface TQualityVariantRow {
  fact: TQualityFact;
  key: string;
  /** Canonical jsonb text of the cited metadata ('' for flags and versions). */
  detail: string;
  /** Σ record_starts over the period + record_carry_in of its first day: citations touching the period. */
  records: number;
  energyKwh: number;
  /** Some citation comes from a record started before the period (carry-in on its first day). */
  carriedIn: boolean;
  /** First local day (YYYY-MM-DD) of the period on which a citing record starts; null when none does. */
  firstStartDay: string | null;
}

/**
 * Which variant is cited first: known from the rollups, or to be looked up among the records started before
 * the period that run into it ('carry-in'), or among those starting on one local day ('day').
 */
export type TFirstCitation =
  | { kind: 'known'; detail: string }
  | { kind: 'carry-in' }
  | { kind: 'day'; day: string };

export function firstCitation(variants: readonly TQualityVariantRow[]): TFirstCitation {
  const only = variants.length === 1 ? variants[0] : undefined;
  if (only) {
    return { kind: 'known', detail: only.detail };
  }
  // Every carry-in record starts before every record starting inside the period.
  const carried = variants.filter((v) => v.carriedIn);
  if (carried.length > 0) {
    return carried.length === 1 && carried[0]
      ? { kind: 'known', detail: carried[0].detail }
      : { kind: 'carry-in' };
  }
  const days = variants.map((v) => v.firstStartDay).filter((d): d is string => d !== null);
  const day = days.sort()[0];
  if (day === undefined) {
    throw new Error('quality variant without records in the period');
  }
  const onDay = variants.filter((v) => v.firstStartDay === day);
  return onDay.length === 1 && onDay[0] ? { kind: 'known', detail: onDay[0].detail } : { kind: 'day', day };
}

/** Variants grouped by fact and key (insertion order). */
export function groupVariants(rows: readonly TQualityVariantRow[]): TQualityVariantRow[][] {
  const groups = new Map<string, TQualityVariantRow[]>();
  for (const row of rows) {
    const id = `${row.fact}\u0000${row.key}`;
    const group = groups.get(id);
    if (group) {
      group.push(row);
    } else {
      groups.set(id, [row]);
    }
  }
  return [...groups.values()];
}

export interface TPeriodQuality {
  assumptionFlags: { code: string; records: number }[];
  factors: TFactorUsed[];
  contractUse: TContractUse[];
  methodologyVersions: string[];
}

const sum = (variants: readonly TQualityVariantRow[], pick: (v: TQualityVariantRow) => number) =>
  variants.reduce((total, v) => total + pick(v), 0);

/**
 * The period's quality facts from grouped variants; `firstDetail(group)` is the detail of the first citation
 * (from firstCitation, or from a record look-up when the rollups cannot tell).
 */
export function assemblePeriodQuality(
  groups: readonly TQualityVariantRow[][],
  firstDetail: ReadonlyMap<TQualityVariantRow[], string>,
): TPeriodQuality {
  const out: TPeriodQuality = { assumptionFlags: [], factors: [], contractUse: [], methodologyVersions: [] };
  for (const group of groups) {
    const head = group[0];
    if (!head) {
      continue;
    }
    const records = sum(group, (v) => v.records);
    if (records <= 0) {
      continue;
    }
    if (head.fact === 'flag') {
      out.assumptionFlags.push({ code: head.key, records });
    } else if (head.fact === 'methodology') {
      out.methodologyVersions.push(head.key);
    } else {
      const detail = JSON.parse(firstDetail.get(group) ?? head.detail) as Record<string, unknown>;
      if (head.fact === 'factor') {
        out.factors.push({
          id: head.key,
          kind: String(detail.kind),
          value: Number(detail.value),
          unit: String(detail.unit),
          source: String(detail.source),
          datasetVersion: String(detail.datasetVersion),
          basis: detail.basis === undefined || detail.basis === null ? null : String(detail.basis),
          licence: null,
          records,
        });
      } else {
        out.contractUse.push({
          contractId: head.key,
          instrumentType: String(detail.instrumentType),
          energyKwh: sum(group, (v) => v.energyKwh),
          gCo2ePerKwh: Number(detail.gCo2ePerKwh),
        });
      }
    }
  }
  out.assumptionFlags.sort((a, b) => b.records - a.records || a.code.localeCompare(b.code));
  out.factors.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  out.contractUse.sort((a, b) => a.contractId.localeCompare(b.contractId));
  out.methodologyVersions.sort();
  return out;
}
