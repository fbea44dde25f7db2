/**
 * Hard limits of the upload parser, so hostile files fail fast with bounded memory (docs/RELIABILITY.md).
 * A real usage row is well under 4 KiB (notes ≤ 2,000 characters); the generic template has 26 columns,
 * CodeCarbon ~40 and nvidia-smi queries a few dozen, so both limits leave a wide margin.
 */
export const MAX_ROW_CHARS = 1_000_000;
export const MAX_COLUMNS = 1_000;

/** Thrown by the tokenizer when a row grows past `MAX_ROW_CHARS`; the stream turns it into a row error. */
export class CsvRowTooLongError extends Error {
  constructor(
    readonly line: number,
    readonly maxChars: number,
  ) {
    super(rowTooLongMessage(line, maxChars));
  }
}

export function rowTooLongMessage(line: number, maxChars: number): string {
  return `the row starting on line ${line} is longer than ${maxChars.toLocaleString('en-US')} characters (a missing line break or an unclosed quote?); the upload was stopped there`;
}

// C0 control characters other than tab, LF, FF and CR, plus DEL: never valid in a usage CSV, and NUL cannot
// be stored in Postgres text at all.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/** Index of the first field holding a control character, or -1. */
export function findControlCharacterField(fields: readonly string[]): number {
  return fields.findIndex((field) => CONTROL.test(field));
}

/** Names the control character found in `text` (e.g. "U+0000 NUL"). */
export function describeControlCharacter(text: string): string {
  const match = CONTROL.exec(text);
  const code = match ? (match[0].codePointAt(0) ?? 0) : 0;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return code === 0 ? `U+${hex} NUL` : `U+${hex}`;
}
