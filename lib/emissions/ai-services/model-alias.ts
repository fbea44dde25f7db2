import type { NameAliasEntry } from '../factor-library-types';
import { normalizeKey } from '../normalize-key';
import type { TAiUsageEstimateRow } from './estimate-ai-usage-row';

/** "a model of N billion parameters": `70B` (dense) or `13B/47B` (active / total, a mixture of experts). */
const SIZE_TARGET = /^(\d+(?:\.\d+)?)\s*B(?:\s*\/\s*(\d+(?:\.\d+)?)\s*B)?$/i;

/** Largest plausible model, billions of parameters (the largest published MoE totals are ~1,000–2,000 B). */
const MAX_PARAMS_B = 10_000;

/** Active and total parameters (billions) of a size target, or null when the text is not one. */
export function parseModelSizeTarget(target: string): { activeParamsB: number; totalParamsB: number } | null {
  const match = SIZE_TARGET.exec(target.trim());
  if (!match) {
    return null;
  }
  const active = Number(match[1]);
  const total = match[2] === undefined ? active : Number(match[2]);
  if (!(active > 0) || total < active || total > MAX_PARAMS_B) {
    return null;
  }
  return { activeParamsB: active, totalParamsB: total };
}

/** The organisation's model aliases (name_alias kind model) by normalised name. */
export function modelAliasMap(aliases: readonly NameAliasEntry[] | undefined): ReadonlyMap<string, string> {
  return new Map(
    (aliases ?? []).filter((a) => a.kind === 'model').map((a) => [normalizeKey(a.alias), a.target]),
  );
}

/**
 * A usage row with the organisation's alias of its model name applied (docs/decisions/ai-services.md AS18): a size
 * target becomes the row's own size ("a model of N billion parameters"), a model target the name looked up (in
 * the whole repository: the alias names the model, whoever serves it). Rows with their own size, billing rows
 * (model inside a description) and names without alias are returned as they are. Pure.
 */
export function applyModelAlias<T extends TAiUsageEstimateRow>(
  row: T,
  aliases: ReadonlyMap<string, string>,
): T {
  if (row.modelLookup.kind !== 'name' || row.overrides?.activeParamsB !== undefined || aliases.size === 0) {
    return row;
  }
  const target = aliases.get(normalizeKey(row.modelLookup.name));
  if (target === undefined) {
    return row;
  }
  const size = parseModelSizeTarget(target);
  if (size) {
    return { ...row, overrides: { ...row.overrides, ...size } };
  }
  return { ...row, modelLookup: { kind: 'name', provider: null, name: target } };
}
