import 'server-only';
import { systemActor, type TActor } from '@/lib/auth/actor';
import { computeFootprints } from '@/lib/emissions/compute-footprints';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { aiFootprintOf } from '@/lib/ingest/ai-usage/ai-usage-records';
import { diffFields, type TFieldChange } from '@/lib/restatements/diff-fields';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { getPrisma } from '@/lib/server/db/prisma';
import { methodologySettingsFor } from '../access/organizations';
import { recordAuditEvent } from '../audit/audit-events';
import { executeSql, joinSql, rawSql, sql } from '../db/sql';
import { prismaRunner } from '../db/sql-runner';
import { findEnergyContracts } from '../factors/energy-contracts';
import { getFactorLibrary } from '../factors/factor-library';
import { readFactorSets, storeFactorSets, type TFactorSet } from './factor-sets';
import { COMPUTED_COLUMNS, PROVENANCE_FIELDS, RESTATED_FIELDS } from './recompute-columns';

type Tx = Prisma.TransactionClient;

export interface TRecomputeResult {
  /** Records read and recomputed. */
  records: number;
  /** Records whose stored results changed (and were updated). */
  changedRecords: number;
  /** Restatement entries written (one per changed field of a changed record). */
  restatements: number;
}

/** Rows per read page and per write statement (bounded statement size and memory per round trip). */
const DEFAULT_PAGE_SIZE = 5_000;

export const INPUT_SELECT = {
  id: true,
  externalId: true,
  phase: true,
  startedAt: true,
  endedAt: true,
  provider: true,
  region: true,
  instanceType: true,
  instanceCount: true,
  instanceHours: true,
  accelerator: true,
  acceleratorCount: true,
  acceleratorHours: true,
  acceleratorPowerW: true,
  utilization: true,
  measuredEnergyKwh: true,
  energyPerRequestWh: true,
  pueOverride: true,
  intensityOverrideGCo2ePerKwh: true,
  wueOverrideLPerKwh: true,
  requests: true,
  tokens: true,
  aiService: true,
  sourceData: true,
} as const;
const SELECT = {
  ...INPUT_SELECT,
  ...Object.fromEntries(COMPUTED_COLUMNS.map((c) => [c.field, true])),
  factorSetId: true,
} as Prisma.UsageRecordSelect;
/** Every compared result field, columns first (restatements keep the order they had before the factor sets). */
const ALL_FIELDS = [...COMPUTED_COLUMNS, ...PROVENANCE_FIELDS].map((c) => c.field);

export type TStoredRow = Prisma.UsageRecordGetPayload<{ select: typeof INPUT_SELECT }> &
  Record<string, unknown>;

/** The engine's input rebuilt from the stored input columns (the same values storeUsageRecords wrote). */
export function toInput(row: TStoredRow): TUsageRecordInput {
  const input: Record<string, unknown> = {
    recordId: row.externalId,
    phase: row.phase,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    provider: row.provider,
    region: row.region,
    instanceType: row.instanceType,
    instanceCount: row.instanceCount,
    instanceHours: row.instanceHours,
    accelerator: row.accelerator,
    acceleratorCount: row.acceleratorCount,
    acceleratorHours: row.acceleratorHours,
    acceleratorPowerW: row.acceleratorPowerW,
    utilization: row.utilization,
    energyKwh: row.measuredEnergyKwh,
    energyPerRequestWh: row.energyPerRequestWh,
    pue: row.pueOverride,
    carbonIntensityGPerKwh: row.intensityOverrideGCo2ePerKwh,
    wueLPerKwh: row.wueOverrideLPerKwh,
    requests: row.requests,
    tokens: row.tokens,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)) as TUsageRecordInput;
}

async function readAllRecords(tx: Tx, orgId: string, pageSize: number): Promise<TStoredRow[]> {
  const rows: TStoredRow[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = (await tx.usageRecord.findMany({
      where: { orgId, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: SELECT,
      orderBy: { id: 'asc' },
      take: pageSize,
    })) as unknown as TStoredRow[];
    // The provenance fields compared by the recomputation, read through each record's factor set.
    const sets = await readFactorSets(
      tx,
      orgId,
      page.map((r) => r.factorSetId as bigint),
    );
    for (const row of page) {
      const set = sets.get(String(row.factorSetId));
      row.methodologyVersion = set?.methodologyVersion;
      row.factorRefs = set?.factors ?? [];
      row.assumptionFlags = set?.assumptionFlags ?? [];
    }
    rows.push(...page);
    if (page.length < pageSize) {
      return rows;
    }
    cursor = page[page.length - 1]?.id;
  }
}

/** Postgres array parameter for one column: jsonb travels as JSON text (null stays SQL NULL), cast in SQL. */
function arrayParam(sqlType: string, values: unknown[]): unknown[] {
  return sqlType === 'jsonb'
    ? values.map((v) => (v === null || v === undefined ? null : JSON.stringify(v)))
    : values;
}

function paramType(sqlType: string): string {
  return sqlType === 'float8' || sqlType === 'bool' ? `${sqlType}[]` : 'text[]';
}

function selectExpression(sqlType: string, i: number): string {
  return sqlType === 'float8' || sqlType === 'bool' || sqlType === 'text' ? `v${i}` : `v${i}::${sqlType}`;
}

// Column names, types and casts of the temp table, all from the constant COMPUTED_COLUMNS.
// factor_set_id (the record's provenance set, stored first by storeFactorSets) comes last.
const RESULT_COLUMNS = rawSql(
  [...COMPUTED_COLUMNS.map((c) => `"${c.column}" ${c.sqlType}`), 'factor_set_id bigint'].join(', '),
);
const RESULT_SELECT = rawSql(
  [...COMPUTED_COLUMNS.map((c, i) => selectExpression(c.sqlType, i)), 'factor_set_id'].join(', '),
);
const RESULT_ALIASES = rawSql(['id', ...COMPUTED_COLUMNS.map((_, i) => `v${i}`), 'factor_set_id'].join(', '));
const RESULT_ASSIGNMENTS = rawSql(
  [...COMPUTED_COLUMNS.map((c) => `"${c.column}" = t."${c.column}"`), 'factor_set_id = t.factor_set_id'].join(
    ', ',
  ),
);

interface TChangedRecord {
  id: string;
  values: unknown[];
  set: TFactorSet;
}

/** Set-based write: the new values go into a temp table in one statement, then one UPDATE … FROM. */
async function writeChanged(
  tx: Tx,
  orgId: string,
  changed: TChangedRecord[],
  computedAt: Date,
  pageSize: number,
): Promise<void> {
  const setIds = await storeFactorSets(
    tx,
    orgId,
    changed.map((c) => c.set),
  );
  await executeSql(
    tx,
    sql`CREATE TEMP TABLE recompute_result (id uuid PRIMARY KEY, ${RESULT_COLUMNS}) ON COMMIT DROP`,
  );
  for (let start = 0; start < changed.length; start += pageSize) {
    const page = changed.slice(start, start + pageSize);
    const pageSetIds = setIds.slice(start, start + pageSize);
    const unnestArgs = joinSql(
      [
        sql`${page.map((c) => c.id)}::uuid[]`,
        ...COMPUTED_COLUMNS.map(
          (c, i) =>
            sql`${arrayParam(
              c.sqlType,
              page.map((p) => p.values[i]),
            )}::${rawSql(paramType(c.sqlType))}`,
        ),
        sql`${pageSetIds}::bigint[]`,
      ],
      ', ',
    );
    await executeSql(
      tx,
      sql`INSERT INTO recompute_result SELECT id, ${RESULT_SELECT}
       FROM unnest(${unnestArgs}) AS u(${RESULT_ALIASES})`,
    );
  }
  await executeSql(
    tx,
    sql`UPDATE usage_record AS r SET ${RESULT_ASSIGNMENTS}, computed_at = ${computedAt}
     FROM recompute_result AS t WHERE r.id = t.id AND r.org_id = ${orgId}::uuid`,
  );
}

async function writeRestatements(
  tx: Tx,
  orgId: string,
  entries: { recordId: string; change: TFieldChange }[],
  reason: string,
  now: Date,
  pageSize: number,
): Promise<void> {
  for (let start = 0; start < entries.length; start += pageSize) {
    const page = entries.slice(start, start + pageSize);
    const recordIds = page.map((e) => e.recordId);
    const fields = page.map((e) => e.change.field);
    const oldValues = page.map((e) => e.change.oldValue);
    const newValues = page.map((e) => e.change.newValue);
    await executeSql(
      tx,
      sql`INSERT INTO restatement_entry (org_id, record_id, field, old_value, new_value, reason, created_at)
       SELECT ${orgId}::uuid, record_id, field, old_value, new_value, ${reason}, ${now}
       FROM unnest(${recordIds}::uuid[], ${fields}::text[], ${oldValues}::text[], ${newValues}::text[])
         AS u(record_id, field, old_value, new_value)`,
    );
  }
}

/**
 * Recomputes every stored record of the organisation with its current factor library (bundled + overrides),
 * settings and energy contracts, and, for each record whose results changed, updates it and logs one
 * restatement entry per changed result field (old, new, reason, when). One transaction: all or nothing.
 * Records are computed in (start, external id) order so market-based allocation is deterministic.
 */
export async function recomputeOrganization(
  ctx: { orgId: string },
  options: { reason: string; now: Date; tx?: Tx; actor?: TActor; pageSize?: number },
): Promise<TRecomputeResult> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const run = async (tx: Tx): Promise<TRecomputeResult> => {
    const org = await tx.organization.findUnique({
      where: { id: ctx.orgId },
      select: { defaultBasis: true, embodiedLifetimeYears: true },
    });
    if (!org) {
      throw new AppError('NOT_FOUND', 'Organisation not found.');
    }
    // Sequential, not Promise.all: `tx` is one pg client; overlapping queries on it are queued by pg with a
    // DeprecationWarning (rejected from pg 9).
    const library = await getFactorLibrary(ctx, prismaRunner(tx));
    const contracts = await findEnergyContracts(ctx, prismaRunner(tx));
    const rows = await readAllRecords(tx, ctx.orgId, pageSize);
    rows.sort(
      (a, b) => a.startedAt.getTime() - b.startedAt.getTime() || (a.externalId < b.externalId ? -1 : 1),
    );
    const footprints = computeFootprints(rows.map(toInput), library, methodologySettingsFor(org), contracts);
    const changed: TChangedRecord[] = [];
    const restatements: { recordId: string; change: TFieldChange }[] = [];
    rows.forEach((row, i) => {
      const computed = footprints[i];
      if (!computed) {
        return;
      }
      // AI-usage records (issue #21) keep the method's embodied share stored at import (not a factor input) and
      // its energy range (source data; records stored before it get the compute engine's range).
      const energyRange = (row.sourceData as { aiEnergyRange?: [number, number] } | null)?.aiEnergyRange;
      const embodiedKgCo2e = row.embodiedKgCo2e as number;
      const footprint =
        row.aiService === null
          ? computed
          : energyRange
            ? aiFootprintOf(computed, { embodiedKgCo2e, energyRange })
            : { ...computed, embodiedKgCo2e, isMeasured: false };
      const values = COMPUTED_COLUMNS.map((c) => c.read(footprint));
      const next: Record<string, unknown> = Object.fromEntries(
        COMPUTED_COLUMNS.map((c, k) => [c.field, values[k]]),
      );
      for (const p of PROVENANCE_FIELDS) {
        next[p.field] = p.read(footprint);
      }
      const all = diffFields(ALL_FIELDS, row, next);
      if (all.length === 0) {
        return;
      }
      changed.push({
        id: row.id,
        values,
        set: {
          factors: footprint.factorRefs,
          methodologyVersion: footprint.methodologyVersion,
          assumptionFlags: [...footprint.assumptions],
        },
      });
      for (const change of all.filter((c) => RESTATED_FIELDS.includes(c.field))) {
        restatements.push({ recordId: row.id, change });
      }
    });
    if (changed.length > 0) {
      await writeChanged(tx, ctx.orgId, changed, options.now, pageSize);
      await writeRestatements(tx, ctx.orgId, restatements, options.reason, options.now, pageSize);
    }
    return { records: rows.length, changedRecords: changed.length, restatements: restatements.length };
  };
  if (options.tx) {
    return run(options.tx);
  }
  // Standalone (CLI, on demand): the recomputation is itself the change, so it is audited here; callers that pass
  // their transaction audit their own change with these counts.
  return getPrisma().$transaction(
    async (tx) => {
      const result = await run(tx);
      await recordAuditEvent(
        tx,
        { orgId: ctx.orgId, actor: options.actor ?? systemActor('recomputation without a user') },
        {
          action: 'records.recomputed',
          targetType: 'organization',
          targetId: ctx.orgId,
          metadata: { reason: options.reason, ...result },
        },
      );
      return result;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
