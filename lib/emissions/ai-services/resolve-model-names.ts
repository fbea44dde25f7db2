import { type DistinctNames, EMPTY_RESOLUTION, type NameResolution } from '../name-resolutions';
import type { TAiUsageEstimateRow } from './estimate-ai-usage-row';
import type { TLlmModel, TLlmModelRepository } from './llm-model-types';
import { applyModelAlias } from './model-alias';
import { resolveLlmModel } from './resolve-llm-model';

type TModelName = NonNullable<DistinctNames['models']>[number];

/**
 * Distinct model names of AI usage rows that are looked up by name (rows with their own size and billing rows
 * naming the model inside a SKU text are not: no stable name to map), with row counts, in first-seen order.
 */
export function distinctModelNames(rows: readonly TAiUsageEstimateRow[]): TModelName[] {
  const names = new Map<string, TModelName>();
  for (const row of rows) {
    if (row.modelLookup.kind !== 'name' || row.overrides?.activeParamsB !== undefined) {
      continue;
    }
    const service = row.modelLookup.provider ?? undefined;
    const key = `${service ?? ''}|${row.modelLookup.name}`;
    const entry = names.get(key) ?? { ...(service ? { service } : {}), name: row.modelLookup.name, rows: 0 };
    entry.rows += 1;
    names.set(key, entry);
  }
  return [...names.values()];
}

/** "a model of 70 billion parameters", "a model of 13 billion active, 47 billion total parameters". */
export function describeModelSize(size: { activeParamsB: number; totalParamsB: number }): string {
  return size.activeParamsB === size.totalParamsB
    ? `a model of ${size.activeParamsB} billion parameters`
    : `a model of ${size.activeParamsB} billion active, ${size.totalParamsB} billion total parameters`;
}

function modelNotes(model: TLlmModel): string[] {
  return model.sizeEstimated
    ? ['The provider does not publish this model’s size: the repository’s estimate is used (flagged).']
    : [];
}

/**
 * One model name of the upload review: the repository model it resolves to (as the upload would look it up,
 * with the organisation's model aliases applied: `applyModelAlias`), or unresolved, which blocks the upload
 * (rows of an unknown model cannot be estimated). Pure.
 */
export function resolveModelName(
  repository: TLlmModelRepository,
  aliases: ReadonlyMap<string, string>,
  entry: TModelName,
): NameResolution {
  const base = {
    kind: 'model' as const,
    name: entry.name,
    provider: null,
    rows: entry.rows,
    ...EMPTY_RESOLUTION,
  };
  const direct = resolveLlmModel(repository, entry.service ?? null, entry.name);
  if (direct.kind === 'model') {
    return {
      ...base,
      resolved: true,
      blocking: false,
      matchedBy: 'Model of the repository',
      catalogName: direct.model.name,
      notes: modelNotes(direct.model),
    };
  }
  if (direct.kind === 'unknown-model') {
    const row = {
      modelLookup: { kind: 'name' as const, provider: entry.service ?? null, name: entry.name },
    } as TAiUsageEstimateRow;
    const aliased = applyModelAlias(row, aliases);
    if (aliased !== row) {
      const o = aliased.overrides;
      if (o?.activeParamsB !== undefined) {
        const size = { activeParamsB: o.activeParamsB, totalParamsB: o.totalParamsB ?? o.activeParamsB };
        return {
          ...base,
          resolved: true,
          blocking: false,
          matchedBy: 'Your organisation’s mapping',
          catalogName: describeModelSize(size),
          notes: [],
        };
      }
      if (aliased.modelLookup.kind === 'name') {
        const target = resolveLlmModel(repository, null, aliased.modelLookup.name);
        if (target.kind === 'model') {
          return {
            ...base,
            resolved: true,
            blocking: false,
            matchedBy: 'Your organisation’s mapping',
            catalogName: target.model.name,
            notes: modelNotes(target.model),
          };
        }
      }
    }
  }
  return {
    ...base,
    resolved: false,
    blocking: true,
    matchedBy: null,
    notes: direct.kind === 'unknown-model' ? [] : [direct.message],
  };
}
