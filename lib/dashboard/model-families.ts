import {
  buildModelLifecycles,
  type TLifecycleInferenceDay,
  type TLifecycleRun,
  type TModelLifecycle,
} from './model-lifecycle';

/**
 * Model families (issue #5, pure): models grouped by their declared family, with base-model lineage
 * (a fine-tune points to the model it was tuned from). A family's lifecycle adds up training of its base models,
 * every fine-tune or retrain, and inference of every member, so a fine-tune's inference is weighed against the
 * training it relies on. Models without a declared lineage form a family of their own.
 */

export interface TModelLineage {
  model: string;
  family: string;
  baseModel: string | null;
}

export interface TFamilyMember extends TModelLifecycle {
  baseModel: string | null;
  /** 0 for a root (no base in the family), 1 for its fine-tunes, and so on. */
  depth: number;
}

export interface TModelFamilyLifecycle extends Omit<TModelLifecycle, 'model'> {
  family: string;
  members: TFamilyMember[];
  /** Days from the first training run to the day inference overtook training + fine-tuning (null: not yet). */
  daysToOvertake: number | null;
  /** The same in average months (days ÷ 30.4375), one decimal. */
  monthsToOvertake: number | null;
}

const DAY_MS = 86_400_000;
const DAYS_PER_MONTH = 365.25 / 12;

/** Family of a model: declared, else inherited from a declared base model, else the model itself. */
export function familyOf(model: string, lineages: ReadonlyMap<string, TModelLineage>): string {
  const seen = new Set<string>();
  let current: string | null = model;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const lineage = lineages.get(current);
    if (lineage?.family) {
      return lineage.family;
    }
    current = lineage?.baseModel ?? null;
  }
  return model;
}

/** Depth in the lineage tree within the family (cycle-safe: a cycle stops the walk). */
function depthOf(model: string, family: string, lineages: ReadonlyMap<string, TModelLineage>): number {
  const seen = new Set<string>([model]);
  let depth = 0;
  let base = lineages.get(model)?.baseModel ?? null;
  while (base !== null && !seen.has(base) && familyOf(base, lineages) === family) {
    seen.add(base);
    depth += 1;
    base = lineages.get(base)?.baseModel ?? null;
  }
  return depth;
}

/** Members ordered as a tree: each root, then its fine-tunes (depth-first, by name). */
function lineageOrder(members: TFamilyMember[]): TFamilyMember[] {
  const names = new Set(members.map((m) => m.model));
  const children = (parent: string | null) =>
    members
      .filter((m) =>
        parent === null ? m.baseModel === null || !names.has(m.baseModel) : m.baseModel === parent,
      )
      .sort((a, b) => a.model.localeCompare(b.model));
  const out: TFamilyMember[] = [];
  const visit = (m: TFamilyMember) => {
    if (out.includes(m)) {
      return;
    }
    out.push(m);
    children(m.model).forEach(visit);
  };
  children(null).forEach(visit);
  members.filter((m) => !out.includes(m)).forEach(visit);
  return out;
}

export function buildModelFamilies(
  runs: readonly TLifecycleRun[],
  inference: readonly TLifecycleInferenceDay[],
  lineages: readonly TModelLineage[],
): TModelFamilyLifecycle[] {
  const byModel = new Map(lineages.map((l) => [l.model, l]));
  const perModel = buildModelLifecycles([...runs], [...inference]);
  const perFamily = buildModelLifecycles(
    runs.map((r) => ({ ...r, model: familyOf(r.model, byModel) })),
    inference.map((i) => ({ ...i, model: familyOf(i.model, byModel) })),
  );
  return perFamily.map(({ model: family, ...lifecycle }) => {
    const members = perModel
      .filter((m) => familyOf(m.model, byModel) === family)
      .map((m) => ({
        ...m,
        baseModel: byModel.get(m.model)?.baseModel ?? null,
        depth: depthOf(m.model, family, byModel),
      }));
    const firstTraining = lifecycle.runs.find((r) => r.phase === 'training');
    const days =
      firstTraining && lifecycle.inferenceOvertookOn
        ? Math.round(
            (Date.parse(`${lifecycle.inferenceOvertookOn}T00:00:00Z`) -
              Date.parse(`${firstTraining.day}T00:00:00Z`)) /
              DAY_MS,
          )
        : null;
    return {
      ...lifecycle,
      family,
      members: lineageOrder(members),
      daysToOvertake: days,
      monthsToOvertake: days === null ? null : Math.round((days / DAYS_PER_MONTH) * 10) / 10,
    };
  });
}
