import { EDGE_AI_SERVICE } from '@/lib/emissions/ai-services/edge-ai-service';
import type { TCalendarPeriod } from '@/lib/emissions/calendar-periods';
import type {
  TBreakdownRow,
  TContractUse,
  TFactorUsed,
  TPeriodAggregates,
  TPeriodTotals,
  TReportRecordRow,
  TScopeTotals,
} from './aggregate-types';
import { monthsOf } from './report-period';

/** Providers whose hardware the organisation owns or operationally controls (Scope 2 electricity). */
export const OWNED_PROVIDERS: readonly string[] = ['on_prem', 'edge'];

/**
 * Where a record sits in the GHG inventory (docs/METHODOLOGY.md §11): own compute (an owned provider, Scope 2),
 * AI services (usage of a third-party AI service, `ai_service` set: Scope 3 Category 1, purchased services),
 * cloud compute (everything else, Scope 3 Category 1) or sold products (on-device inference in products the
 * organisation sold: Scope 3 Category 11, use of sold products). Sold products win over everything, then owned
 * hardware over a service name, so the four parts never overlap and always add up to the total.
 */
export type TScopePlacement = 'owned' | 'cloudCompute' | 'aiServices' | 'soldProducts';

export function scopePlacement(row: { provider: string | null; aiService: string | null }): TScopePlacement {
  // Inference in products the organisation sold runs on its customers' electricity: GHG Protocol Scope 3
  // Category 11 (indirect use-phase emissions), neither Scope 2 nor Category 1 purchased services.
  if (row.aiService === EDGE_AI_SERVICE.shipped) {
    return 'soldProducts';
  }
  if (OWNED_PROVIDERS.includes(row.provider ?? '')) {
    return 'owned';
  }
  return row.aiService === null ? 'cloudCompute' : 'aiServices';
}

/**
 * The provider key of the report's provider and region breakdowns: products the organisation sold get their own key,
 * so the boundary table classifies them as Category 11 instead of listing them among the owned `edge` sites.
 */
export const SOLD_PRODUCTS_PROVIDER_KEY = 'edge_sold_products';

export function breakdownProviderKey(row: { provider: string | null; aiService: string | null }): string {
  return row.aiService === EDGE_AI_SERVICE.shipped
    ? SOLD_PRODUCTS_PROVIDER_KEY
    : (row.provider ?? 'unspecified');
}

/** Adds one share of a record to the total, its scope (owned, Cat 1 or Cat 11) and its Cat 1 part, in place. */
export function addToScopes(
  out: Pick<TScopeTotals, 'totals' | 'owned' | 'cloud' | 'cloudCompute' | 'aiServices' | 'soldProducts'>,
  placement: TScopePlacement,
  add: (t: TPeriodTotals) => void,
): void {
  add(out.totals);
  if (placement === 'owned') {
    add(out.owned);
    return;
  }
  if (placement === 'soldProducts') {
    add(out.soldProducts);
    return;
  }
  add(out.cloud);
  add(placement === 'aiServices' ? out.aiServices : out.cloudCompute);
}

export function emptyScopeTotals(): TScopeTotals {
  return {
    totals: emptyTotals(),
    owned: emptyTotals(),
    cloud: emptyTotals(),
    cloudCompute: emptyTotals(),
    aiServices: emptyTotals(),
    soldProducts: emptyTotals(),
  };
}

export function emptyTotals(): TPeriodTotals {
  return {
    records: 0,
    recordShare: 0,
    itEnergyKwh: 0,
    facilityEnergyKwh: 0,
    measuredItEnergyKwh: 0,
    locationKgCo2e: 0,
    marketKgCo2e: 0,
    marketMatchedKwh: 0,
    embodiedKgCo2e: 0,
    waterOnsiteL: 0,
    waterOffsiteL: 0,
    uncertaintyLowKgCo2e: 0,
    uncertaintyHighKgCo2e: 0,
    deviceHours: 0,
    requests: 0,
    requestLocationKgCo2e: 0,
    requestEmbodiedKgCo2e: 0,
    tokens: 0,
    tokenLocationKgCo2e: 0,
    tokenEmbodiedKgCo2e: 0,
  };
}

/**
 * Share of the record [startedAt, endedAt) inside [start, end): overlap ÷ duration (flat power assumed).
 * A zero-length record counts wholly in the period containing its instant.
 */
export function shareInside(row: Pick<TReportRecordRow, 'startedAt' | 'endedAt'>, start: Date, end: Date) {
  const s = row.startedAt.getTime();
  const e = row.endedAt.getTime();
  if (e <= s) {
    return s >= start.getTime() && s < end.getTime() ? 1 : 0;
  }
  const overlap = Math.min(e, end.getTime()) - Math.max(s, start.getTime());
  return overlap > 0 ? overlap / (e - s) : 0;
}

/** Adds `share` of the record to `t` (in place). */
export function addShare(t: TPeriodTotals, row: TReportRecordRow, share: number): void {
  t.records += 1;
  t.recordShare += share;
  t.itEnergyKwh += row.itEnergyKwh * share;
  t.facilityEnergyKwh += row.facilityEnergyKwh * share;
  t.measuredItEnergyKwh += row.isMeasured ? row.itEnergyKwh * share : 0;
  t.locationKgCo2e += row.locationKgCo2e * share;
  t.marketKgCo2e += row.marketKgCo2e * share;
  t.marketMatchedKwh += row.marketMatchedKwh * share;
  t.embodiedKgCo2e += row.embodiedKgCo2e * share;
  t.waterOnsiteL += row.waterOnsiteL * share;
  t.waterOffsiteL += row.waterOffsiteL * share;
  t.uncertaintyLowKgCo2e += row.uncertaintyLowKgCo2e * share;
  t.uncertaintyHighKgCo2e += row.uncertaintyHighKgCo2e * share;
  t.deviceHours += row.deviceHours * share;
  if (row.requests && row.requests > 0) {
    t.requests += row.requests * share;
    t.requestLocationKgCo2e += row.locationKgCo2e * share;
    t.requestEmbodiedKgCo2e += row.embodiedKgCo2e * share;
  }
  if (row.tokens && row.tokens > 0) {
    t.tokens += row.tokens * share;
    t.tokenLocationKgCo2e += row.locationKgCo2e * share;
    t.tokenEmbodiedKgCo2e += row.embodiedKgCo2e * share;
  }
}

/** Totals of the rows over [start, end) with boundary splitting, overall and per scope placement. */
export function scopeTotalsInside(rows: readonly TReportRecordRow[], start: Date, end: Date): TScopeTotals {
  const out = emptyScopeTotals();
  for (const row of rows) {
    const share = shareInside(row, start, end);
    if (share > 0) {
      addToScopes(out, scopePlacement(row), (t) => addShare(t, row, share));
    }
  }
  return out;
}

function addTo(map: Map<string, TPeriodTotals>, key: string, row: TReportRecordRow, share: number) {
  let t = map.get(key);
  if (!t) {
    t = emptyTotals();
    map.set(key, t);
  }
  addShare(t, row, share);
}

/** Largest location-based emissions first, then key, so the order is deterministic. */
export function sortedBreakdown(map: Map<string, TPeriodTotals>): TBreakdownRow[] {
  return [...map.entries()]
    .map(([key, totals]) => ({ key, totals }))
    .sort((a, b) => b.totals.locationKgCo2e - a.totals.locationKgCo2e || a.key.localeCompare(b.key));
}

/** Everything derived from records for one period (pure; the caller reads the rows). */
export function aggregateRecords(
  rows: readonly TReportRecordRow[],
  period: TCalendarPeriod,
): TPeriodAggregates {
  const scopes = emptyScopeTotals();
  const maps = {
    provider: new Map<string, TPeriodTotals>(),
    region: new Map<string, TPeriodTotals>(),
    phase: new Map<string, TPeriodTotals>(),
    model: new Map<string, TPeriodTotals>(),
    team: new Map<string, TPeriodTotals>(),
  };
  const months = monthsOf(period).map((m) => ({ ...m, totals: emptyTotals() }));
  const flags = new Map<string, number>();
  const factors = new Map<string, TFactorUsed>();
  const contracts = new Map<string, TContractUse>();
  const versions = new Set<string>();
  for (const row of rows) {
    const share = shareInside(row, period.start, period.end);
    if (share <= 0) {
      continue;
    }
    addToScopes(scopes, scopePlacement(row), (t) => addShare(t, row, share));
    const provider = breakdownProviderKey(row);
    addTo(maps.provider, provider, row, share);
    addTo(
      maps.region,
      `${provider} / ${row.region ?? 'unspecified'} (${row.gridZone ?? 'no zone'})`,
      row,
      share,
    );
    addTo(maps.phase, row.phase, row, share);
    addTo(maps.model, row.model ?? 'unspecified', row, share);
    addTo(maps.team, row.team ?? 'unassigned', row, share);
    for (const month of months) {
      const monthShare = shareInside(row, month.start, month.end);
      if (monthShare > 0) {
        addShare(month.totals, row, monthShare);
      }
    }
    for (const flag of new Set(row.assumptionFlags)) {
      flags.set(flag, (flags.get(flag) ?? 0) + 1);
    }
    for (const ref of row.factorRefs) {
      const known = factors.get(ref.id);
      if (known) {
        known.records += 1;
      } else {
        factors.set(ref.id, {
          id: ref.id,
          kind: ref.kind,
          value: ref.value,
          unit: ref.unit,
          source: ref.source,
          datasetVersion: ref.datasetVersion,
          basis: ref.basis ?? null,
          licence: null,
          records: 1,
        });
      }
    }
    for (const a of row.marketAllocations) {
      const use = contracts.get(a.contractId) ?? {
        contractId: a.contractId,
        instrumentType: a.instrumentType,
        energyKwh: 0,
        gCo2ePerKwh: a.gCo2ePerKwh,
      };
      use.energyKwh += a.energyKwh * share;
      contracts.set(a.contractId, use);
    }
    versions.add(row.methodologyVersion);
  }
  return {
    ...scopes,
    byProvider: sortedBreakdown(maps.provider),
    byRegion: sortedBreakdown(maps.region),
    byPhase: sortedBreakdown(maps.phase),
    byModel: sortedBreakdown(maps.model),
    byTeam: sortedBreakdown(maps.team),
    monthly: months.map((m) => ({ month: m.month, totals: m.totals })),
    assumptionFlags: [...flags.entries()]
      .map(([code, records]) => ({ code, records }))
      .sort((a, b) => b.records - a.records || a.code.localeCompare(b.code)),
    factors: [...factors.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id)),
    contractUse: [...contracts.values()].sort((a, b) => a.contractId.localeCompare(b.contractId)),
    methodologyVersions: [...versions].sort(),
  };
}
