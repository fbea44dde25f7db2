import type { IssueSink } from '../types';
import type { TAiUsageRow, TGpuHoursRecord } from './ai-usage-types';

/** Where a format's reader puts what it finds: AI rows, GPU-hour records and the count of skipped rows. */
export interface TAiUsageOutput {
  ai: TAiUsageRow[];
  gpu: TGpuHoursRecord[];
  skipped: number;
  sink: IssueSink;
}

/** A CSV export's reader: the data rows one by one (cells by header name), then the end of the file. */
export interface TAiCsvReader {
  row(line: number, get: (column: string) => string | undefined, out: TAiUsageOutput): void;
  /** Readers that aggregate several metric rows into one usage row emit them here. */
  finish(out: TAiUsageOutput): void;
}

/** Team and project from a tag map (keys `team`/`project`, any case); the rest stays in tags. */
export function splitTeamProject(tags: Record<string, string>): {
  team: string | null;
  project: string | null;
  tags: Record<string, string>;
} {
  const rest: Record<string, string> = {};
  let team: string | null = null;
  let project: string | null = null;
  for (const [key, value] of Object.entries(tags)) {
    const k = key.toLowerCase();
    if (k === 'team' && value) {
      team = value;
    } else if (k === 'project' && value) {
      project = value;
    } else if (value) {
      rest[key] = value;
    }
  }
  return { team, project, tags: rest };
}
