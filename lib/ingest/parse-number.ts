/** Outcome of reading a numeric cell. `empty` = blank cell, which means "absent", never 0. */
export type NumberCell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'invalid'; message: string };

// Plain decimal with a dot, optional sign and exponent: 1234.5, .5, 3.4e-05 (CodeCarbon writes scientific notation).
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(?:[,' \u00A0\u202F.]\d{3})+(?:[.,]\d+)?$/;

/**
 * Parses a numeric CSV cell strictly. Thousands separators and decimal commas are rejected with a message
 * saying so rather than guessed: "1,234" is 1234 in en-US and 1.234 in fr-FR.
 */
export function parseNumberCell(raw: string): NumberCell {
  const text = raw.trim();
  if (text === '') {
    return { kind: 'empty' };
  }
  if (PLAIN.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) {
      return { kind: 'number', value };
    }
    return { kind: 'invalid', message: `"${text}" is too large to be a number` };
  }
  if (/^[+-]?\d+,\d+$/.test(text) && !THOUSANDS.test(text)) {
    return {
      kind: 'invalid',
      message: `"${text}" uses a decimal comma; write numbers with a dot as decimal separator (e.g. ${text.replace(',', '.')})`,
    };
  }
  if (THOUSANDS.test(text)) {
    return {
      kind: 'invalid',
      message: `"${text}" contains a thousands separator or decimal comma; write plain numbers with a dot as decimal separator (e.g. 1234.5)`,
    };
  }
  return { kind: 'invalid', message: `"${text}" is not a number (expected e.g. 1234.5)` };
}
