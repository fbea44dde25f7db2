// Child process of bench/ingest.ts: the ingest alone, so its peak RSS (process.resourceUsage().maxRSS) is the
// ingest's own — not the benchmark's org setup, file generation or raw COPY baseline. It warms the factor library
// cache (as a running server has), then runs ingestUpload on the streamed file (the code path of
// POST /api/v1/uploads once the body is read) and prints one `BENCH_INGEST_RESULT <json>` line for the parent.
import { createReadStream } from 'node:fs';
import { systemActor } from '@/lib/auth/actor';
import { createRecordingTracer } from '@/lib/ingest/ingest-tracer';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getCachedFactorLibrary } from '@/lib/server/factors/factor-library-cache';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { ingestTimingsOf } from './ingest-timings';

const [orgId, file] = process.argv.slice(2) as [string, string];
const mb = (bytes: number) => bytes / 1024 / 1024;
const rssStartMb = mb(process.memoryUsage().rss);
const tLib = performance.now();
await getCachedFactorLibrary({ orgId });
const libraryLoadMs = performance.now() - tLib;
const rssBeforeMb = mb(process.memoryUsage().rss);
// Largest V8 heap and off-heap (Buffers) sizes seen during the ingest, sampled every 250 ms: where the RSS goes.
const maxMb = { heapUsed: 0, heapTotal: 0, external: 0 };
const sample = () => {
  const m = process.memoryUsage();
  maxMb.heapUsed = Math.max(maxMb.heapUsed, mb(m.heapUsed));
  maxMb.heapTotal = Math.max(maxMb.heapTotal, mb(m.heapTotal));
  maxMb.external = Math.max(maxMb.external, mb(m.external));
};
const sampler = setInterval(sample, 250);
// Diagnostic (BENCH_INGEST_LIVE=1 with NODE_OPTIONS=--expose-gc): the live heap after forced full collections.
const gc = (globalThis as { gc?: () => void }).gc;
const live: number[] = [];
const liveSampler =
  gc && process.env.BENCH_INGEST_LIVE
    ? setInterval(() => {
        gc();
        live.push(Math.round(mb(process.memoryUsage().heapUsed)));
      }, 2000)
    : undefined;
if (gc) {
  gc();
  console.log(`live_heap_before_ingest_mb=${Math.round(mb(process.memoryUsage().heapUsed))}`);
}
// Records each pipeline stage's time (production runs the no-op tracer).
const tracer = createRecordingTracer(() => performance.now());
const t0 = performance.now();
// CPU time of this process during the ingest: less sensitive than wall time to other work on the machine.
const cpu0 = process.cpuUsage();
const { upload } = await ingestUpload(
  { orgId, actor: systemActor('ingest benchmark') },
  { fileName: 'bench.csv', chunks: createReadStream(file, { highWaterMark: 1 << 16 }), parse: {}, tracer },
);
const ingestMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
clearInterval(liveSampler);
if (live.length > 0) {
  console.log(`live_heap_mb_every_2s=${live.join(',')}`);
}
sample();
// The ingest path reads through the pg pool only; a Prisma client here would be ≈ 120 MB of the peak.
const prismaInstantiated = Boolean((globalThis as { aiFootprintPrisma?: unknown }).aiFootprintPrisma);
await getPgPool().end();
const result = {
  status: upload.status,
  rowsAccepted: upload.rowsAccepted,
  errorCount: upload.errorCount,
  ingestMs,
  cpuUserMs: cpu.user / 1000,
  cpuSystemMs: cpu.system / 1000,
  libraryLoadMs,
  timings: ingestTimingsOf(tracer),
  rssStartMb,
  rssBeforeMb,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  maxMb,
  prismaInstantiated,
};
console.log(`BENCH_INGEST_RESULT ${JSON.stringify(result)}`);
