import { type CsvTable, isBlankRow } from './csv-table';
import { NVIDIA_SMI_HEADER } from './detect-format';
import { parseNumberCell } from './parse-number';
import { readLocalTimestamp } from './time-zone';
import type { IssueSink } from './types';

/** One power reading of one GPU. */
export interface GpuSample {
  line: number;
  /** uuid when logged (stable), else index + name. */
  gpuKey: string;
  index: string;
  name: string;
  /** UTC epoch ms. */
  t: number;
  powerW: number;
  /** utilization.gpu in % (0–100), when logged and available. */
  utilPct: number | null;
}

// Preferred power column first: power.draw is ~1 s averaged on Ampere+, .average/.instant on newer drivers.
const POWER_FIELDS = ['power.draw', 'power.draw.average', 'power.draw.instant'];

type Cell =
  | { kind: 'value'; value: number }
  | { kind: 'unavailable'; text: string }
  | { kind: 'invalid'; message: string };

/** `612.35 W`, `97 %` (default) or `612.35` (`nounits`); `[N/A]`, `[Not Supported]`… mean unavailable. */
function readCell(raw: string): Cell {
  const text = raw.trim();
  if (/^\[.*\]$/.test(text) || text === 'N/A') {
    return { kind: 'unavailable', text };
  }
  const n = parseNumberCell(text.replace(/\s*(?:W|%|MiB|MHz|C)$/, ''));
  return n.kind === 'number'
    ? { kind: 'value', value: n.value }
    : { kind: 'invalid', message: n.kind === 'empty' ? 'is empty' : n.message };
}

/**
 * Reads `nvidia-smi --query-gpu=… --format=csv[,nounits]` rows into power samples. Repeated header lines
 * (concatenated logs) and stray lines with the wrong field count are skipped with a warning; unavailable
 * power readings are skipped (never read as 0) with one warning per GPU.
 */
export function readGpuSamples(table: CsvTable, timeZone: string, sink: IssueSink): GpuSample[] | null {
  const headerLine = table.header.line;
  const fields = table.header.fields.map((h) => NVIDIA_SMI_HEADER.exec(h)?.groups?.field ?? h);
  const col = (name: string) => fields.indexOf(name);
  const iTime = col('timestamp');
  const iPower = POWER_FIELDS.map(col).find((i) => i >= 0) ?? -1;
  const iIndex = col('index');
  const iUuid = col('uuid');
  const iName = col('name');
  const iUtil = col('utilization.gpu');
  const missing = [
    iTime < 0 ? 'timestamp' : null,
    iPower < 0 ? 'power.draw' : null,
    iIndex < 0 && iUuid < 0 ? 'index (or uuid)' : null,
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) {
    sink.error(
      headerLine,
      null,
      `nvidia-smi log lacks ${missing.join(', ')}; log with nvidia-smi --query-gpu=timestamp,index,name,power.draw,utilization.gpu --format=csv -l 1`,
    );
    return null;
  }
  const powerHeader = table.header.fields[iPower] ?? 'power.draw';
  const unavailable = new Map<string, { count: number; line: number; text: string }>();
  const samples: GpuSample[] = [];
  // Latest instant per GPU, to read the repeated hour of a fall-back in log order (see `sampleInstant`).
  const latest = new Map<string, number>();
  const repeated = { count: 0, line: 0 };
  for (const row of table.rows) {
    const cells = row.fields.map((f) => f.trim());
    if (isBlankRow(row)) {
      continue;
    }
    if (cells[0] === table.header.fields[0]) {
      sink.warn(row.line, null, 'repeated header line skipped (concatenated logs)');
      continue;
    }
    if (cells.length !== fields.length) {
      sink.warn(
        row.line,
        null,
        `line skipped: ${cells.length} fields where the header has ${fields.length} (not a nvidia-smi sample)`,
      );
      continue;
    }
    const stamp = cells[iTime] ?? '';
    const index = iIndex >= 0 ? (cells[iIndex] ?? '') : '';
    const name = (iName >= 0 ? (cells[iName] ?? '') : '').replace(/\s+/g, ' ') || 'unknown GPU';
    const gpuKey = iUuid >= 0 && cells[iUuid] ? (cells[iUuid] as string) : `${index}|${name}`;
    const read = readLocalTimestamp(stamp, timeZone);
    const timeColumn = table.header.fields[iTime] ?? 'timestamp';
    if (!read) {
      sink.error(row.line, timeColumn, `timestamp "${stamp}" is not like 2024/05/01 12:00:00.123`);
      continue;
    }
    if (read.kind === 'gap') {
      sink.error(
        row.line,
        timeColumn,
        `timestamp "${stamp}" does not exist in ${timeZone} (the clocks skip that hour when they go forward): the log was written in another time zone; choose that zone`,
      );
      continue;
    }
    // nvidia-smi -l logs in order: in the repeated hour after a fall-back, a wall time that would step back
    // before this GPU's previous sample is the second occurrence (the clock went back), else the first.
    const previous = latest.get(gpuKey) ?? Number.NEGATIVE_INFINITY;
    const later = read.kind === 'ambiguous' && read.instant.getTime() < previous;
    const t = later ? read.later : read.instant;
    if (read.kind === 'ambiguous') {
      repeated.count++;
      repeated.line ||= row.line;
    }
    latest.set(gpuKey, Math.max(previous, t.getTime()));
    const power = readCell(cells[iPower] ?? '');
    if (power.kind === 'invalid' || (power.kind === 'value' && power.value < 0)) {
      const why = power.kind === 'invalid' ? power.message : 'is negative';
      sink.error(row.line, powerHeader, `${powerHeader} ${why}`);
      continue;
    }
    if (power.kind === 'unavailable') {
      const u = unavailable.get(gpuKey) ?? { count: 0, line: row.line, text: power.text };
      u.count++;
      unavailable.set(gpuKey, u);
      continue;
    }
    const util = iUtil >= 0 ? readCell(cells[iUtil] ?? '') : null;
    samples.push({
      line: row.line,
      gpuKey,
      index,
      name,
      t: t.getTime(),
      powerW: power.value,
      utilPct: util?.kind === 'value' ? util.value : null,
    });
  }
  if (repeated.count > 0) {
    sink.warn(
      repeated.line,
      table.header.fields[iTime] ?? 'timestamp',
      `${repeated.count} sample(s) fall in the hour that happens twice in ${timeZone} when the clocks go back (first on line ${repeated.line}); read in log order: first occurrence until the clock steps back, then the second`,
    );
  }
  for (const [gpuKey, u] of unavailable) {
    sink.warn(
      u.line,
      powerHeader,
      `GPU ${gpuKey.replace('|', ' ')}: ${u.count} sample(s) without power (${u.text}) skipped, not counted as 0; first on line ${u.line}`,
    );
  }
  return samples;
}
