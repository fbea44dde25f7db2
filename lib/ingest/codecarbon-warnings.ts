import type { CodecarbonRow } from './codecarbon-rows';
import type { IssueSink } from './types';

const SAME_START_MS = 3000;

const startOf = (row: CodecarbonRow) => row.endedAt.getTime() - row.durationS * 1000;

/**
 * Rows without run_id whose start (timestamp − duration) agrees within 3 s, same project and machine, are
 * probably cumulative rows of one run (docs/CSV_FORMAT.md §4, known corruptions). They stay separate records (nothing
 * proves it); we warn so the user can merge them. Returns the clusters found (lists of lines).
 */
export function warnSameStartClusters(rows: CodecarbonRow[], sink: IssueSink): number[][] {
  const sorted = rows.filter((r) => r.runId === null).sort((a, b) => startOf(a) - startOf(b));
  const used = new Set<CodecarbonRow>();
  const clusters: number[][] = [];
  for (const row of sorted) {
    if (used.has(row)) {
      continue;
    }
    const members = sorted.filter(
      (other) =>
        !used.has(other) &&
        other.projectName === row.projectName &&
        other.hostKey === row.hostKey &&
        Math.abs(startOf(other) - startOf(row)) <= SAME_START_MS,
    );
    if (members.length < 2) {
      continue;
    }
    for (const m of members) {
      used.add(m);
    }
    const lines = members.map((m) => m.line).sort((a, b) => a - b);
    clusters.push(lines);
    sink.warn(
      lines[0] ?? row.line,
      'run_id',
      `lines ${lines.join(', ')} have no run_id but start at the same time (${new Date(startOf(row)).toISOString()} ± 3 s): probably cumulative rows of one run, imported as ${lines.length} records; if so, keep only the longest (line ${members.reduce((a, b) => (b.durationS > a.durationS ? b : a)).line})`,
    );
  }
  return clusters;
}

/**
 * Runs on the same machine (os, cpu_model, cpu_count) in `machine` tracking mode that overlap in time each
 * count the whole machine: typical of one tracker per SLURM rank (CodeCarbon issue #1355). Pairs already
 * reported as one probable run (`clusters`) are skipped.
 */
export function warnMachineOverlaps(rows: CodecarbonRow[], clusters: number[][], sink: IssueSink): void {
  const sameCluster = (a: number, b: number) => clusters.some((c) => c.includes(a) && c.includes(b));
  const machine = rows.filter((r) => r.trackingMode === 'machine').sort((a, b) => startOf(a) - startOf(b));
  for (let i = 0; i < machine.length; i++) {
    const a = machine[i] as CodecarbonRow;
    for (let j = i + 1; j < machine.length; j++) {
      const b = machine[j] as CodecarbonRow;
      if (startOf(b) >= a.endedAt.getTime()) {
        break;
      }
      if (a.hostKey !== b.hostKey || sameCluster(a.line, b.line)) {
        continue;
      }
      const [first, second] = a.line < b.line ? [a, b] : [b, a];
      sink.warn(
        second.line,
        'tracking_mode',
        `run on line ${second.line} overlaps the run on line ${first.line} on the same machine in machine tracking mode: if these are ranks of one multi-process job (e.g. SLURM), each counted the whole node and the energy is double counted (CodeCarbon issue #1355)`,
      );
    }
  }
}
