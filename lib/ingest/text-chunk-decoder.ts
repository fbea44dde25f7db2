import { findTextStartProblem, INVALID_UTF8_MESSAGE, sniffBinaryBytes } from './decode-bytes';

/** Decodes a file's bytes chunk by chunk as UTF-8; `fail` carries the first reason the file is unusable. */
export interface TextChunkDecoder {
  /** Text decoded from `bytes` (may be '' while the first 4 KiB are collected for sniffing). */
  push(bytes: Uint8Array): string;
  end(): string;
  readonly problem: string | null;
}

const SNIFF_BYTES = 4096;

/**
 * Streaming counterpart of `decodeBytes`: the same checks (UTF-16, zip, binary, invalid UTF-8, BOM), applied
 * to the first 4 KiB and then to each chunk, without holding the whole file.
 */
export function createTextChunkDecoder(): TextChunkDecoder {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let head: Uint8Array[] = [];
  let headBytes = 0;
  let sniffed = false;
  let started = false;
  let problem: string | null = null;
  const decode = (bytes: Uint8Array, final: boolean): string => {
    if (problem) {
      return '';
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: !final });
    } catch {
      problem = INVALID_UTF8_MESSAGE;
      return '';
    }
    if (!started && text.length > 0) {
      started = true;
      text = text.replace(/^\uFEFF/, '');
      problem = findTextStartProblem(text);
      if (problem) {
        return '';
      }
    }
    return text;
  };
  const flushHead = (final: boolean): string => {
    sniffed = true;
    const joined = new Uint8Array(headBytes);
    let offset = 0;
    for (const part of head) {
      joined.set(part, offset);
      offset += part.length;
    }
    head = [];
    problem = sniffBinaryBytes(joined);
    return problem ? '' : decode(joined, final);
  };
  return {
    push(bytes) {
      if (sniffed) {
        return decode(bytes, false);
      }
      head.push(bytes);
      headBytes += bytes.length;
      return headBytes >= SNIFF_BYTES ? flushHead(false) : '';
    },
    end() {
      return sniffed ? decode(new Uint8Array(0), true) : flushHead(true);
    },
    get problem() {
      return problem;
    },
  };
}
