import type { AcceleratorSpec } from './factor-library-types';
import type { IndexedFactorLibrary } from './index-factor-library';

/**
 * The one accelerator-name resolution used by every path (CLI, uploads, API, CodeCarbon live runs, what-if).
 * Names arrive as nvidia-smi / NVML, CodeCarbon and people write them (`NVIDIA H100 80GB HBM3`,
 * `4 x NVIDIA A100-SXM4-40GB`, `Tesla V100-SXM2-16GB`, `AMD Instinct MI300X`). Normalisation is deliberately
 * conservative (docs/decisions/factors.md): it removes what never distinguishes two devices (case, separators, a
 * leading vendor or brand word, a leading device count) and nothing else, so an unknown name stays unknown and the
 * caller can ask the user instead of estimating with a neighbouring model.
 */

/** Leading words that name the vendor or product line, never the device (`NVIDIA Tesla T4`, `AMD Instinct`). */
const VENDOR_WORDS = new Set([
  'nvidia',
  'tesla',
  'geforce',
  'amd',
  'instinct',
  'intel',
  'habana',
  'google',
  'aws',
  'amazon',
]);

/** `4 x NVIDIA A100-SXM4-40GB` (CodeCarbon's `gpu_model`) → count 4 and the device name. */
const COUNT_PREFIX = /^\s*(\d+)\s*[x×]\s+(\S.*)$/i;
const MEMORY_WORD = /^(\d+)gb$/;

export interface ParsedAcceleratorName {
  /** The device name without a leading count, whitespace collapsed, as the user wrote it otherwise. */
  name: string;
  /** Lookup key: lower case, no separators, no leading vendor words. */
  normalisedKey: string;
  /** Device count when the name carries one (`4 x …`). */
  count?: number;
}

function keyWords(name: string): string[] {
  const words = name
    .toLowerCase()
    .replace(/[®™]/g, '')
    .split(/[\s\-_./,()]+/)
    .filter(Boolean);
  let start = 0;
  while (start < words.length - 1 && VENDOR_WORDS.has(words[start] as string)) {
    start += 1;
  }
  // `80 GB` and `80GB` are the same memory size.
  const out: string[] = [];
  for (const word of words.slice(start)) {
    if (word === 'gb' && out.length && /^\d+$/.test(out.at(-1) as string)) {
      out[out.length - 1] = `${out.at(-1)}gb`;
    } else {
      out.push(word);
    }
  }
  return out;
}

export function parseAcceleratorName(raw: string): ParsedAcceleratorName {
  const collapsed = raw.replace(/\s+/g, ' ').trim();
  const counted = COUNT_PREFIX.exec(collapsed);
  const name = counted ? (counted[2] as string).trim() : collapsed;
  const normalisedKey = keyWords(name).join('');
  const count = counted ? Number(counted[1]) : undefined;
  return count !== undefined && count > 0 ? { name, normalisedKey, count } : { name, normalisedKey };
}

/** Index key of a catalog id, name or alias (the same normalisation as a looked-up name). */
export function acceleratorKey(name: string): string {
  return parseAcceleratorName(name).normalisedKey;
}

/**
 * How a name matched: `catalog` = the normalised name is a catalog id, name or alias; `memory` = it is a catalog
 * name plus a memory size (`L40S 48GB`) that equals that entry's memory, so the suffix only confirms the variant;
 * `alias` = the organisation mapped this name to the entry (consulted only after the catalog, F11).
 */
export type AcceleratorMatchKind = 'catalog' | 'memory' | 'alias';

export interface AcceleratorMatch {
  spec: AcceleratorSpec;
  match: AcceleratorMatchKind;
  /** Device count read from the name (`4 x …`), when present. */
  count?: number;
}

/**
 * Resolves a device name to a catalog entry, or null. A memory size that is not an alias only confirms the entry
 * with that memory: `A100 SXM4 40GB` never falls back to the 80 GB card, and `H100 96GB` stays unknown. The
 * organisation's aliases (`library.nameAliases`) are consulted last, so an alias can name what the catalog does not
 * know but never re-map a catalog name (docs/decisions/factors.md F11).
 */
export function matchAccelerator(
  library: IndexedFactorLibrary,
  name: string | undefined,
): AcceleratorMatch | null {
  if (!name) {
    return null;
  }
  const parsed = parseAcceleratorName(name);
  const withCount = parsed.count !== undefined ? { count: parsed.count } : {};
  const direct = library.acceleratorsByKey.get(parsed.normalisedKey);
  if (direct) {
    return { spec: direct, match: 'catalog', ...withCount };
  }
  const words = keyWords(parsed.name);
  const memoryAt = words.findIndex((w) => MEMORY_WORD.test(w));
  if (memoryAt >= 0) {
    const memoryGb = Number(MEMORY_WORD.exec(words[memoryAt] as string)?.[1]);
    const base = library.acceleratorsByKey.get(words.filter((_, i) => i !== memoryAt).join(''));
    if (base && base.memoryGb === memoryGb) {
      return { spec: base, match: 'memory', ...withCount };
    }
  }
  const aliased = library.acceleratorAliases.get(parsed.normalisedKey);
  return aliased ? { spec: aliased, match: 'alias', ...withCount } : null;
}

/** The catalog entry for a device name, or null when the name is unknown (see `matchAccelerator`). */
export function resolveAccelerator(
  library: IndexedFactorLibrary,
  name: string | undefined,
): AcceleratorSpec | null {
  return matchAccelerator(library, name)?.spec ?? null;
}
