import 'server-only';

/** ISO texts remembered for dates (an upload's records share a few thousand period bounds). */
const MAX_REMEMBERED_DATES = 16_384;
const isoTexts = new Map<number, string>();
const keyPrefixes = new Map<string, string>();

function isoOf(date: Date): string {
  const ms = date.getTime();
  let text = isoTexts.get(ms);
  if (text === undefined) {
    if (isoTexts.size >= MAX_REMEMBERED_DATES) {
      isoTexts.clear();
    }
    text = date.toISOString();
    isoTexts.set(ms, text);
  }
  return text;
}

function prefixOf(key: string): string {
  let prefix = keyPrefixes.get(key);
  if (prefix === undefined) {
    prefix = `[${JSON.stringify(key)},`;
    keyPrefixes.set(key, prefix);
  }
  return prefix;
}

function valueJson(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value); // the same shortest round-trip text as JSON
  }
  if (value instanceof Date) {
    return `"${isoOf(value)}"`; // an ISO instant needs no escaping
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The text the content hash of a record is taken over: exactly `JSON.stringify(entries)` of the defined
 * `[key, value]` pairs in `order`, dates as ISO instants (`record-hash-text.test.ts` compares the two), written
 * directly instead of building an array of pairs per record and serialising it (≈ 1M records per large upload;
 * the hash must stay the same for records stored before).
 */
export function recordHashText(values: Readonly<Record<string, unknown>>, order: readonly string[]): string {
  let text = '[';
  for (const key of order) {
    const value = values[key];
    if (value !== undefined) {
      text += `${text.length > 1 ? ',' : ''}${prefixOf(key)}${valueJson(value)}]`;
    }
  }
  return `${text}]`;
}
