import type { ParsedRecord } from './types';
import type { UsageFileStream, UsageFileSummary } from './usage-file-stream';

/** Bytes held before the parser is chosen: a header line of every accepted format fits. */
export const SNIFF_HEAD_BYTES = 64 * 1024;

const NOTHING_READ: UsageFileSummary = {
  format: 'unknown',
  errors: [],
  warnings: [],
  headers: [],
  fatal: false,
  stats: { rows: 0, accepted: 0, rejected: 0, duplicatesCollapsed: 0 },
};

const HEAD_TEXT = new TextDecoder('utf-8');

/**
 * Whether the bytes held so far are enough to choose the parser: a JSON document's first character, or a complete
 * first line (the CSV header). Choosing then, not after 64 KiB, keeps small files streaming: their rows are parsed
 * (and their progress reported) as they arrive.
 */
function canChoose(held: readonly Uint8Array[]): boolean {
  let text = '';
  for (const part of held) {
    text += HEAD_TEXT.decode(part, { stream: true });
  }
  HEAD_TEXT.decode();
  const start = text.replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('{') || start.startsWith('[') || /[\r\n]/.test(start);
}

/**
 * A stream that holds the file's first bytes until the parser can be chosen (a JSON start or a complete first
 * line; at most `SNIFF_HEAD_BYTES`, or the whole file if smaller), lets `open` choose
 * the parser from them (the upload flow: an AI-service usage export or a compute usage file), then passes every
 * byte to the chosen one. Pure.
 */
export function createSniffingFileStream(open: (head: Uint8Array) => UsageFileStream): UsageFileStream {
  const held: Uint8Array[] = [];
  const state: { size: number; stream: UsageFileStream | null } = { size: 0, stream: null };
  const opened = (): UsageFileStream => {
    if (state.stream) {
      return state.stream;
    }
    const head = new Uint8Array(state.size);
    let offset = 0;
    for (const part of held) {
      head.set(part, offset);
      offset += part.length;
    }
    held.length = 0;
    const stream = open(head);
    state.stream = stream;
    pending.records = head.length > 0 ? stream.push(head) : [];
    return stream;
  };
  const pending: { records: ParsedRecord[] } = { records: [] };
  const takePending = (): ParsedRecord[] => {
    const records = pending.records;
    pending.records = [];
    return records;
  };
  return {
    push(bytes) {
      if (state.stream) {
        return state.stream.push(bytes);
      }
      held.push(bytes.slice());
      state.size += bytes.length;
      if (state.size < SNIFF_HEAD_BYTES && !canChoose(held)) {
        return [];
      }
      opened();
      return takePending();
    },
    end() {
      const stream = opened();
      return [...takePending(), ...stream.end()];
    },
    summary() {
      // Progress asks before the parser is chosen: nothing has been read as rows yet.
      return state.stream ? state.stream.summary() : NOTHING_READ;
    },
  };
}
