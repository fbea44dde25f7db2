import { GENERIC_TEMPLATE_CSV } from '@/lib/ingest/templates';

/**
 * Hostile-input corpus (docs/RELIABILITY.md): files generated in code so the bytes are exact (encodings,
 * NUL bytes, BOMs). Each entry names the error the upload must report: line, column (header name or null
 * for whole-row/whole-file problems) and a message pattern.
 */
export const HEADER = GENERIC_TEMPLATE_CSV.trimEnd();
const COLUMNS = HEADER.split(',');

const VALID = {
  phase: 'training',
  started_at: '2025-03-01T00:00:00Z',
  ended_at: '2025-03-02T00:00:00Z',
  team: 'research',
  project: 'llm',
  provider: 'aws',
  region: 'us-east-1',
  accelerator: 'NVIDIA H100 SXM',
  accelerator_count: '8',
  accelerator_hours: '192',
  utilization: '0.6',
};

/** One template row: the valid defaults, overridden by `values` (missing columns are empty). */
export function row(values: Record<string, string>): string {
  const merged: Record<string, string> = { ...VALID, ...values };
  return COLUMNS.map((column) => merged[column] ?? '').join(',');
}

/** Header + a valid row (line 2) + the hostile row (line 3): the valid row must not be stored either. */
const withBadRow = (bad: string) => `${HEADER}\n${row({ record_id: 'ok-row' })}\n${bad}\n`;

export const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16le(text: string, bom: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  let offset = 0;
  if (bom) {
    bytes.set([0xff, 0xfe]);
    offset = 2;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[offset + i * 2] = code & 0xff;
    bytes[offset + i * 2 + 1] = code >> 8;
  }
  return bytes;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}

function binaryBlob(): Uint8Array {
  // A PNG-like header followed by a deterministic byte ramp with NULs, as an image renamed to .csv would be.
  const bytes = new Uint8Array(8192);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < bytes.length; i++) {
    bytes[i] = (i * 31) % 256;
  }
  return bytes;
}

type TExpected = { line: number; column: string | null; message: RegExp };
type TEntry = { text: string | Uint8Array; expected: TExpected };

const many = Array.from({ length: 60 }, (_, i) => row({ record_id: `pad-${i}` })).join('\n');

/** The valid file every hostile case is compared against (2 records). */
export const BASELINE_CSV = `${HEADER}\n${row({ record_id: 'base-1' })}\n${row({ record_id: 'base-2', region: 'FR', provider: 'on_prem', energy_kwh: '120.5' })}\n`;
export const BASELINE_RECORDS = 2;

export const HOSTILE_CORPUS: Record<string, TEntry> = {
  unbalancedQuote: {
    text: withBadRow(row({ record_id: 'q', notes: '"never closed' })),
    expected: { line: 3, column: null, message: /opened on line 3 is never closed/ },
  },
  raggedRowShort: {
    text: withBadRow('r1,training,2025-03-01,2025-03-02'),
    expected: { line: 3, column: null, message: /row has 4 fields but the header has 26/ },
  },
  raggedRowLong: {
    text: withBadRow(`${row({ record_id: 'r2' })},extra,extra`),
    expected: { line: 3, column: null, message: /row has 28 fields but the header has 26/ },
  },
  binaryFile: {
    text: binaryBlob(),
    expected: { line: 1, column: null, message: /binary, not CSV text/ },
  },
  nulByteAfterSniffWindow: {
    // The first 4 KiB are clean text; the NUL comes later, where only the per-row check can see it.
    text: `${HEADER}\n${many}\n${row({ record_id: 'nul', notes: 'before\u0000after' })}\n`,
    expected: { line: 62, column: 'notes', message: /control character \(U\+0000 NUL\)/ },
  },
  utf16WithBom: {
    text: utf16le(withBadRow(row({ record_id: 'u16' })), true),
    expected: { line: 1, column: null, message: /UTF-16 \(byte-order mark found\)/ },
  },
  utf16WithoutBom: {
    text: utf16le(withBadRow(row({ record_id: 'u16' })), false),
    expected: { line: 1, column: null, message: /UTF-16 \(no byte-order mark\)/ },
  },
  latin1: {
    text: latin1(withBadRow(row({ record_id: 'l1', notes: 'Caf\u00e9 cluster M\u00fcnchen' }))),
    expected: { line: 1, column: null, message: /not valid UTF-8 .*Latin-1/ },
  },
  emptyFile: { text: '', expected: { line: 1, column: null, message: /file is empty/ } },
  bomOnly: { text: '\uFEFF', expected: { line: 1, column: null, message: /file is empty/ } },
  blankLinesOnly: { text: '\n\r\n  \n', expected: { line: 1, column: null, message: /file is empty/ } },
  headerOnly: { text: `${HEADER}\n`, expected: { line: 1, column: null, message: /no data rows/ } },
  bomHeaderOnly: {
    text: `\uFEFF${HEADER}\r\n`,
    expected: { line: 1, column: null, message: /no data rows/ },
  },
  duplicateHeaders: {
    text: `${HEADER},phase\n${row({ record_id: 'd' })},training\n`,
    expected: { line: 1, column: 'phase', message: /both give phase; keep one/ },
  },
  excelTrailingEmptyColumns: {
    text: `${HEADER},,\r\n${row({ record_id: 't' })},,\r\n`,
    expected: { line: 1, column: null, message: /a column has no name/ },
  },
  excelQuotedThousands: {
    text: withBadRow(row({ record_id: 'th', accelerator_hours: '"1,192"' })),
    expected: { line: 3, column: 'accelerator_hours', message: /thousands separator/ },
  },
  excelDecimalComma: {
    text: withBadRow(row({ record_id: 'dc', utilization: '"0,6"' })),
    expected: { line: 3, column: 'utilization', message: /decimal comma/ },
  },
  endBeforeStart: {
    text: withBadRow(row({ record_id: 'e', started_at: '2025-03-02', ended_at: '2025-03-01' })),
    expected: { line: 3, column: 'ended_at', message: /ended_at is before started_at/ },
  },
  negativeEnergy: {
    text: withBadRow(row({ record_id: 'n', energy_kwh: '-5' })),
    expected: { line: 3, column: 'energy_kwh', message: /must be within 0 – 10,000,000,000 kWh \(got -5\)/ },
  },
  nanEnergy: {
    text: withBadRow(row({ record_id: 'nan', energy_kwh: 'NaN' })),
    expected: { line: 3, column: 'energy_kwh', message: /"NaN" is not a number/ },
  },
  infiniteHours: {
    text: withBadRow(row({ record_id: 'inf', accelerator_hours: 'Infinity' })),
    expected: { line: 3, column: 'accelerator_hours', message: /"Infinity" is not a number/ },
  },
  overflowingNumber: {
    text: withBadRow(row({ record_id: 'big', tokens: '1e400' })),
    expected: { line: 3, column: 'tokens', message: /too large to be a number/ },
  },
  year1900: {
    text: withBadRow(row({ record_id: 'y1', started_at: '1900-01-01', ended_at: '2025-01-02' })),
    expected: { line: 3, column: 'started_at', message: /year 1900 is outside the supported range/ },
  },
  year3000: {
    text: withBadRow(row({ record_id: 'y3', ended_at: '3000-01-01' })),
    expected: { line: 3, column: 'ended_at', message: /year 3000 is outside the supported range/ },
  },
  unknownAccelerator: {
    text: withBadRow(row({ record_id: 'acc', accelerator: 'Quantum Flux 9000' })),
    expected: { line: 3, column: 'accelerator', message: /"Quantum Flux 9000" is not in the catalog/ },
  },
  unknownRegion: {
    text: withBadRow(row({ record_id: 'reg', region: 'mars-north-1' })),
    expected: { line: 3, column: 'region', message: /"mars-north-1" \(provider aws\) is not a known/ },
  },
  utilisation150: {
    text: withBadRow(row({ record_id: 'u', utilization: '1.5' })),
    expected: { line: 3, column: 'utilization', message: /must be within 0 – 1 \(got 1\.5\)/ },
  },
  // Issue #17: one 2000–2099 record used to add ~36,500 daily rollup rows (one per day); 1e308 kWh made CO2e Infinity.
  centuryLongRecord: {
    text: withBadRow(row({ record_id: 'c', started_at: '2000-01-01', ended_at: '2099-12-31' })),
    expected: {
      line: 3,
      column: 'ended_at',
      message: /spans 36524\.0 days; one record may span at most 366 days/,
    },
  },
  hugeEnergy: {
    text: withBadRow(row({ record_id: 'h', energy_kwh: '1e308' })),
    expected: {
      line: 3,
      column: 'energy_kwh',
      message: /must be within 0 – 10,000,000,000 kWh \(got 1e\+308\)/,
    },
  },
  futureRecord: {
    text: withBadRow(row({ record_id: 'f', started_at: '2090-01-01', ended_at: '2090-01-02' })),
    expected: {
      line: 3,
      column: 'ended_at',
      message: /is in the future; records may end at most 1 day after now/,
    },
  },
  utilisationPercent: {
    text: withBadRow(row({ record_id: 'up', utilization: '150%' })),
    expected: { line: 3, column: 'utilization', message: /"150%" is not a number/ },
  },
};

/** A header-less single line of `totalBytes` bytes, generated chunk by chunk (never held in memory). */
export async function* hugeLineChunks(totalBytes: number): AsyncGenerator<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61); // 'a'
  for (let sent = 0; sent < totalBytes; sent += chunk.length) {
    yield chunk;
  }
}
