import 'server-only';
import type { RecordFootprint } from '@/lib/emissions/footprint-types';
import { csvField, type TCopyValue } from '../db/pg-copy';
import { STAGED, slugOf } from './staging-rows';
import { externalIdOf, hashUsageRecord, type TUsageRecordToStore, toColumns } from './usage-record-columns';

/**
 * Staging columns whose value is a function of the record's footprint alone (the engine's results), as
 * `toColumns` fills them. Only these are encoded once per distinct footprint; a column missing here is encoded
 * per row (correct, only slower). `staging-line-encoder.test.ts` checks that each one ignores the record.
 */
export const FOOTPRINT_COLUMN_KEYS: ReadonlySet<string> = new Set([
  'gridZone',
  'countryCode',
  'acceleratorCatalogId',
  'deviceHours',
  'powerPerDeviceW',
  'itEnergyKwh',
  'facilityEnergyKwh',
  'pueApplied',
  'intensityGCo2ePerKwh',
  'intensitySource',
  'basis',
  'locationKgCo2e',
  'marketKgCo2e',
  'marketMatchedKwh',
  'embodiedKgCo2e',
  'waterOnsiteL',
  'waterOffsiteL',
  'uncertaintyLowKgCo2e',
  'uncertaintyHighKgCo2e',
  'isMeasured',
]);

/** A piece of the line: one per-row column, or a run of consecutive footprint columns encoded once. */
type TPart = { key: string; json: boolean } | { run: number };

/** ISO texts kept for dates (records of an upload share a few thousand period bounds). */
const MAX_CACHED_DATES = 4096;

/** One encoded staging row: the COPY line and what the writer collects from it. */
export interface TEncodedStagingRow {
  externalId: string;
  line: string;
  teamSlug: string | null;
  projectSlug: string | null;
}

/**
 * Encodes staging rows as COPY (FORMAT csv) lines equal to `toCopyCsvLine(stagingRowOf(…).row)`, faster: the
 * footprint's columns (≈ 20 floats, whose shortest round-trip formatting dominated, plus zone, flags and
 * methodology texts) are encoded once per footprint object and reused by every record sharing it
 * (`computeSharedFootprints`), and period bounds once per instant. Per row remain the content hash and the
 * record's own columns. Bounded memory: footprints are held weakly; the date cache is cleared when full.
 */
export function createStagingLineEncoder(
  computedAt: Date,
): (item: TUsageRecordToStore, factorRefsId: number) => TEncodedStagingRow {
  const parts: TPart[] = [];
  const runs: string[][] = [];
  for (const [key, , type] of STAGED) {
    const previous = parts[parts.length - 1];
    if (!FOOTPRINT_COLUMN_KEYS.has(key)) {
      parts.push({ key, json: type === 'jsonb' });
    } else if (previous && 'run' in previous) {
      runs[previous.run]?.push(key);
    } else {
      parts.push({ run: runs.length });
      runs.push([key]);
    }
  }
  const fragments = new WeakMap<RecordFootprint, string[]>();
  const dates = new Map<number, string>();
  const field = (value: unknown, json: boolean): string => {
    if (value instanceof Date) {
      const ms = value.getTime();
      let text = dates.get(ms);
      if (text === undefined) {
        if (dates.size >= MAX_CACHED_DATES) {
          dates.clear();
        }
        text = csvField(value);
        dates.set(ms, text);
      }
      return text;
    }
    return csvField(
      json && value !== undefined && value !== null ? JSON.stringify(value) : (value as TCopyValue),
    );
  };

  return (item, factorRefsId) => {
    const contentHash = hashUsageRecord(item.record);
    const externalId = externalIdOf(item.record, contentHash);
    const columns: Record<string, unknown> = toColumns(item, null, null, computedAt);
    columns.externalId = externalId;
    // bytea input, as stagingRowOf writes it: `\x` + hex.
    columns.contentHash = `\\x${contentHash}`;
    let encoded = fragments.get(item.footprint);
    if (!encoded) {
      encoded = runs.map((keys) => keys.map((key) => field(columns[key], false)).join(','));
      fragments.set(item.footprint, encoded);
    }
    let line = '';
    for (const part of parts) {
      line += 'run' in part ? `${encoded[part.run]},` : `${field(columns[part.key], part.json)},`;
    }
    const { team, project } = item.record;
    const teamSlug = team ? slugOf(team) : null;
    const projectSlug = project ? slugOf(project) : null;
    line += `${factorRefsId},${csvField(teamSlug)},${csvField(projectSlug)}\n`;
    return { externalId, line, teamSlug, projectSlug };
  };
}
