import { describe, expect, test } from 'vitest';
import { createSniffingFileStream, SNIFF_HEAD_BYTES } from './sniffing-file-stream';
import type { ParsedRecord } from './types';
import type { UsageFileStream } from './usage-file-stream';

/** A stream that records the bytes it receives; `open` sees the head it was chosen from. */
function recorder() {
  const seen = { head: -1, bytes: [] as number[], ended: false };
  const open = (head: Uint8Array): UsageFileStream => {
    seen.head = head.length;
    return {
      push: (bytes) => {
        seen.bytes.push(...bytes);
        return [{ line: seen.bytes.length } as ParsedRecord];
      },
      end: () => {
        seen.ended = true;
        return [];
      },
      summary: () => ({
        format: 'generic',
        errors: [],
        warnings: [],
        headers: [],
        fatal: false,
        stats: { rows: 0, accepted: 0, rejected: 0, duplicatesCollapsed: 0 },
      }),
    };
  };
  return { seen, open };
}

describe('createSniffingFileStream', () => {
  test('a file in 1-byte chunks: the parser is chosen at the end of the first line, and gets every byte once', () => {
    const { seen, open } = recorder();
    const stream = createSniffingFileStream(open);
    const text = new TextEncoder().encode('a,b\n1,2\n');
    // 'a', ',', 'b' are held (no complete line yet); the newline (4th byte) completes the header line.
    for (const byte of text.subarray(0, 3)) {
      expect(stream.push(new Uint8Array([byte]))).toEqual([]);
    }
    expect(stream.summary().format).toBe('unknown');
    expect(stream.push(text.subarray(3, 4))).toHaveLength(1);
    expect(seen.head).toBe(4);
    for (const byte of text.subarray(4)) {
      stream.push(new Uint8Array([byte]));
    }
    expect(stream.summary().format).toBe('generic');
    stream.end();
    expect(seen).toEqual({ head: 4, bytes: [...text], ended: true });
  });

  test('a JSON file is chosen at its first character', () => {
    const { seen, open } = recorder();
    const stream = createSniffingFileStream(open);
    expect(stream.push(new TextEncoder().encode('  '))).toEqual([]);
    expect(stream.push(new TextEncoder().encode('{'))).toHaveLength(1);
    expect(seen.head).toBe(3);
  });

  test('a file without a line break is chosen at its end', () => {
    const { seen, open } = recorder();
    const stream = createSniffingFileStream(open);
    expect(stream.push(new TextEncoder().encode('a,b'))).toEqual([]);
    expect(stream.end()).toHaveLength(1);
    expect(seen).toEqual({ head: 3, bytes: [...new TextEncoder().encode('a,b')], ended: true });
  });

  test('a large file: chosen once the head is full; later chunks go straight through', () => {
    const { seen, open } = recorder();
    const stream = createSniffingFileStream(open);
    const chunk = new Uint8Array(SNIFF_HEAD_BYTES / 2).fill(65);
    expect(stream.push(chunk)).toEqual([]);
    expect(stream.push(chunk)).toHaveLength(1);
    expect(seen.head).toBe(SNIFF_HEAD_BYTES);
    stream.push(new Uint8Array([66]));
    stream.end();
    expect(seen.bytes).toHaveLength(SNIFF_HEAD_BYTES + 1);
    expect(seen.bytes.at(-1)).toBe(66);
  });
});
