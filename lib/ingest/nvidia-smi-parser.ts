import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { CsvTable } from './csv-table';
import { INGEST_FLAGS } from './flags';
import { type GpuSample, readGpuSamples } from './nvidia-smi-samples';
import type { IssueSink, ParsedRecord } from './types';
import { type TRecordSchema, validateRecord } from './validate-record';

/** Default longest gap (s) between two samples of one GPU that is still integrated (60 s ≫ the usual -l 1). */
export const DEFAULT_NVIDIA_SMI_MAX_GAP_SECONDS = 60;

export interface NvidiaSmiContext {
  timeZone: string;
  defaults: Partial<TUsageRecordInput>;
  maxGapSeconds: number;
  /** Record schema (bounds relative to `now`); default `ZUsageRecordInput`. */
  schema?: TRecordSchema;
}

/** Map.groupBy is Node ≥ 21; engines allow Node 20. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) {
      group.push(item);
    } else {
      groups.set(k, [item]);
    }
  }
  return groups;
}

/** A run of samples of one GPU with no gap above the threshold. */
interface Segment {
  gpuKey: string;
  index: string;
  name: string;
  start: number;
  end: number;
  energyJ: number;
  samples: number;
  utilSum: number;
  utilCount: number;
  line: number;
  gaps: number;
}

/** Trapezoid rule per GPU: E += (P_i + P_{i+1}) / 2 × Δt, in joules; gaps > maxGap end the segment. */
function integrateGpu(samples: GpuSample[], maxGapMs: number, sink: IssueSink): Segment[] {
  const sorted = [...samples].sort((a, b) => a.t - b.t || a.line - b.line);
  const segments: Segment[] = [];
  let seg: Segment | null = null;
  let prev: GpuSample | null = null;
  for (const s of sorted) {
    const util = s.utilPct === null ? { utilSum: 0, utilCount: 0 } : { utilSum: s.utilPct, utilCount: 1 };
    if (seg && prev && s.t - prev.t <= maxGapMs) {
      seg.energyJ += ((prev.powerW + s.powerW) / 2) * ((s.t - prev.t) / 1000);
      seg.end = s.t;
      seg.samples++;
      seg.utilSum += util.utilSum;
      seg.utilCount += util.utilCount;
    } else {
      const gap: boolean = seg !== null && prev !== null;
      if (seg && prev) {
        seg.gaps++;
        sink.warn(
          s.line,
          null,
          `GPU ${s.index} (${s.name}): no sample for ${((s.t - prev.t) / 1000).toFixed(1)} s between line ${prev.line} and line ${s.line}, longer than the ${maxGapMs / 1000} s limit; the gap is not integrated and the session is split`,
        );
      }
      seg = {
        gpuKey: s.gpuKey,
        index: s.index,
        name: s.name,
        start: s.t,
        end: s.t,
        energyJ: 0,
        samples: 1,
        line: s.line,
        gaps: gap ? 1 : 0,
        ...util,
      };
      segments.push(seg);
    }
    prev = s;
  }
  return segments.filter((g) => {
    if (g.samples < 2) {
      sink.warn(
        g.line,
        null,
        `GPU ${g.index} (${g.name}): isolated sample on line ${g.line} between gaps; it covers no time and is not integrated`,
      );
    }
    return g.samples >= 2;
  });
}

/**
 * Integrates nvidia-smi power logs (docs/CSV_FORMAT.md §5) into one record per GPU model (same `name`)
 * and contiguous session: segments of same-name GPUs that overlap or lie within maxGap of each other form
 * one session. Energy is GPU board energy only (flag GPU_ONLY_BOUNDARY).
 */
export function parseNvidiaSmiTable(table: CsvTable, ctx: NvidiaSmiContext, sink: IssueSink): ParsedRecord[] {
  if (!ctx.defaults.phase) {
    sink.error(
      table.header.line,
      null,
      'nvidia-smi logs do not say what the GPUs were doing: choose a phase (training, fine_tuning, inference, …) in the upload form',
    );
    return [];
  }
  const samples = readGpuSamples(table, ctx.timeZone, sink);
  if (!samples) {
    return [];
  }
  const maxGapMs = ctx.maxGapSeconds * 1000;
  const byGpu = groupBy(samples, (s) => s.gpuKey);
  const segments = [...byGpu.values()].flatMap((gpu) => integrateGpu(gpu, maxGapMs, sink));
  const records: ParsedRecord[] = [];
  for (const [name, group] of groupBy(segments, (s) => s.name)) {
    const sorted = group.sort((a, b) => a.start - b.start);
    let session: Segment[] = [];
    let sessionEnd = Number.NEGATIVE_INFINITY;
    const flush = () => {
      const record = session.length > 0 ? toRecord(name, session, ctx, sink) : null;
      if (record) {
        records.push(record);
      }
      session = [];
    };
    for (const seg of sorted) {
      if (seg.start > sessionEnd + maxGapMs) {
        flush();
      }
      session.push(seg);
      sessionEnd = Math.max(sessionEnd, seg.end);
    }
    flush();
  }
  return records.sort((a, b) => a.line - b.line);
}

function toRecord(
  name: string,
  session: Segment[],
  ctx: NvidiaSmiContext,
  sink: IssueSink,
): ParsedRecord | null {
  const start = session.reduce((min, s) => Math.min(min, s.start), Number.POSITIVE_INFINITY);
  const end = session.reduce((max, s) => Math.max(max, s.end), Number.NEGATIVE_INFINITY);
  const energyJ = session.reduce((sum, s) => sum + s.energyJ, 0);
  const coveredS = session.reduce((sum, s) => sum + (s.end - s.start) / 1000, 0);
  const utilCount = session.reduce((sum, s) => sum + s.utilCount, 0);
  const utilSum = session.reduce((sum, s) => sum + s.utilSum, 0);
  const gpus = new Map(session.map((s) => [s.gpuKey, s.index]));
  const line = session.reduce((min, s) => Math.min(min, s.line), Number.POSITIVE_INFINITY);
  const { defaults } = ctx;
  const input: Record<string, unknown> = {
    recordId: `nvidia-smi:${name.slice(0, 60)}:${new Date(start).toISOString()}`,
    phase: defaults.phase,
    startedAt: new Date(start),
    endedAt: new Date(end),
    team: defaults.team,
    project: defaults.project,
    model: defaults.model,
    provider: defaults.provider,
    region: defaults.region,
    accelerator: name,
    acceleratorCount: gpus.size,
    acceleratorHours: coveredS / 3600,
    // Mean board power per GPU over the covered time (W) = J / s.
    acceleratorPowerW: coveredS > 0 ? energyJ / coveredS : undefined,
    utilization: utilCount > 0 ? utilSum / utilCount / 100 : undefined,
    energyKwh: energyJ / 3.6e6,
  };
  const record = validateRecord(input, line, () => null, sink, ctx.schema);
  if (!record) {
    return null;
  }
  return {
    line,
    record,
    flags: [INGEST_FLAGS.GPU_ONLY_BOUNDARY],
    source: {
      nvidiaSmi: {
        gpuIndices: [...new Set(gpus.values())].sort(),
        gpuName: name,
        samples: session.reduce((sum, s) => sum + s.samples, 0),
        gapsSkipped: session.reduce((sum, s) => sum + s.gaps, 0),
      },
    },
  };
}
