// Per-stage timing of the ingest hot path without a database (developer aid for docs/BENCHMARKS.md).
// `npx tsx --conditions=react-server bench/profile-ingest.ts [rows]`

import { computeFootprintsMemo } from '@/lib/emissions/footprint-memo';
import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { DEFAULT_METHODOLOGY_SETTINGS } from '@/lib/emissions/methodology-settings';
import { createUsageFileStream } from '@/lib/ingest/usage-file-stream';
import { toCopyCsvLine } from '@/lib/server/db/pg-copy';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { sourceDataOf, stagingRowOf } from '@/lib/server/usage/staging-rows';
import { csvChunks } from './ingest-rows';

const rows = Number(process.argv[2] ?? 20_000);
const indexed = ensureIndexed(loadBundledFactorLibrary());
const encoder = new TextEncoder();
const chunks = [...csvChunks(rows)].map((c) => encoder.encode(c));
const lap = (() => {
  let t = performance.now();
  return (label: string) => {
    const now = performance.now();
    console.log(`${label}: ${(((now - t) * 1000) / rows).toFixed(1)} µs/row`);
    t = now;
  };
})();
const stream = createUsageFileStream({ fileName: 'p.csv' });
const parsed = chunks.flatMap((c) => stream.push(c));
parsed.push(...stream.end());
lap('parse+validate');
const memo = new Map();
const footprints = parsed.flatMap((_, i) =>
  i % 2000 === 0
    ? computeFootprintsMemo(
        parsed.slice(i, i + 2000).map((p) => p.record),
        indexed,
        DEFAULT_METHODOLOGY_SETTINGS,
        [],
        memo,
      )
    : [],
);
lap('engine');
const computedAt = new Date();
const staged = parsed.map(
  (p, i) =>
    stagingRowOf(
      {
        record: p.record,
        footprint: footprints[i] as (typeof footprints)[number],
        uploadLine: p.line,
        sourceData: sourceDataOf(p),
      },
      computedAt,
      1,
    ).row,
);
lap('staging row (hash, columns, provenance JSON)');
let bytes = 0;
for (const row of staged) {
  bytes += toCopyCsvLine(row).length;
}
lap('COPY CSV encode');
console.log(`staged bytes/row=${Math.round(bytes / rows)} parsed=${parsed.length}`);
