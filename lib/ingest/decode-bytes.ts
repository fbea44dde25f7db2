/** Result of decoding an uploaded file: text without BOM, or one message explaining why it is not usable. */
export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

const SAVE_AS = 'save or export it as "CSV UTF-8" and upload again';

/** Share of NUL bytes at even/odd offsets in the first 4 KiB; UTF-16 text of ASCII has ~50% on one side. */
function nulPattern(bytes: Uint8Array): { even: number; odd: number; total: number } {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) {
        even++;
      } else {
        odd++;
      }
    }
  }
  return { even, odd, total: sample.length };
}

/** Control characters other than tab/LF/FF/CR: a strong sign of binary content that decoded by chance. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f) {
      return true;
    }
  }
  return false;
}

/**
 * Checks the first bytes of a file (up to 4 KiB is enough) for UTF-16, zip/Excel and binary content.
 * Returns the message explaining why the file is not usable, or null.
 */
export function sniffBinaryBytes(head: Uint8Array): string | null {
  if (head.length === 0) {
    return 'file is empty';
  }
  const [b0, b1] = [head[0], head[1]];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return `file is UTF-16 (byte-order mark found); ${SAVE_AS}`;
  }
  if (b0 === 0x50 && b1 === 0x4b) {
    // "PK": zip container, i.e. .xlsx/.ods/.zip.
    return `file is a zip/Excel workbook, not CSV text; ${SAVE_AS}`;
  }
  const nul = nulPattern(head);
  if (nul.even + nul.odd > 0) {
    const half = nul.total / 2;
    const utf16 = nul.odd > half * 0.6 || nul.even > half * 0.6;
    return utf16
      ? `file is UTF-16 (no byte-order mark); ${SAVE_AS}`
      : `file is binary, not CSV text (it contains NUL bytes); ${SAVE_AS}`;
  }
  return null;
}

export const INVALID_UTF8_MESSAGE = `file is not valid UTF-8 (binary, or a legacy encoding such as Windows-1252/Latin-1); ${SAVE_AS}`;

/** Checks the start of the decoded text (first 4 KiB) for control characters that betray binary content. */
export function findTextStartProblem(textStart: string): string | null {
  return hasControlCharacters(textStart.slice(0, 4096))
    ? `file is binary, not CSV text (control characters found); ${SAVE_AS}`
    : null;
}

/**
 * Decodes an uploaded CSV as UTF-8 (strips a UTF-8 BOM). UTF-16 (with BOM or detected from the NUL-byte
 * pattern of ASCII text), zip/xlsx, other binary content and invalid UTF-8 (e.g. Latin-1 exports) are
 * refused with a message that says how to fix the file.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const binary = sniffBinaryBytes(bytes);
  if (binary) {
    return { ok: false, message: binary };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, message: INVALID_UTF8_MESSAGE };
  }
  // TextDecoder strips the BOM by default; strip again defensively (double-BOM files from some editors).
  text = text.replace(/^\uFEFF/, '');
  const problem = findTextStartProblem(text);
  if (problem) {
    return { ok: false, message: problem };
  }
  if (text.trim() === '') {
    return { ok: false, message: 'file is empty' };
  }
  return { ok: true, text };
}
