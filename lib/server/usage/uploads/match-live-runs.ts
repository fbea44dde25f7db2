import 'server-only';
import { MAX_EXPLAINED_RUNS } from '@/lib/ingest/codecarbon-comparison';
import { queryRows, rawSql, sql } from '../../db/sql';
import type { TSqlRunner } from '../../db/sql-runner';
import { STAGING_TABLE } from '../staging-rows';
import { unstageLines } from './upload-duplicates';
import type { TUploadTotals } from './upload-summary';

const STAGING = rawSql(STAGING_TABLE);

/** Share of the shorter run that the two windows must share to be one run (docs/decisions/ingest.md). */
export const LIVE_MATCH_MIN_OVERLAP = 0.5;

/**
 * An emissions.csv uploaded after the same runs were posted live (CodeCarbon API output) must not count them
 * twice (issue #19; docs/decisions/ingest.md "CodeCarbon: live run and emissions.csv"). A staged CodeCarbon row
 * matches a live run of the organisation when it has the same record id (same run_id), or when
 *  - its experiment (experiment_id, v2.7+ files) and its project are the live run's wherever both sides have
 *    them, and at least one of the two is present on both sides, and
 *  - the two time windows share at least half of the shorter one.
 * The live record is kept (it has every delta and its provenance); the matched rows leave the staging table
 * and the upload's totals, and their lines are returned for the summary.
 */
export async function unstageLiveRunMatches(
  db: TSqlRunner,
  orgId: string,
  totals: TUploadTotals,
): Promise<number[]> {
  const rows = await queryRows<{ line: number; reported: number | null; location: number }>(
    db,
    sql`SELECT DISTINCT s.upload_line AS line,
            (s.source_data->'codecarbon'->>'reportedEmissionsKg')::float8 AS reported,
            s.location_kg_co2e AS location
       FROM ${STAGING} s
       JOIN usage_record u
         ON u.org_id = ${orgId}::uuid
        AND u.external_id LIKE 'codecarbon:%'
        AND u.source_data->'codecarbon'->>'live' = 'true'
       LEFT JOIN project p ON p.id = u.project_id
      WHERE s.source_data ? 'codecarbon'
        AND (
          s.external_id = u.external_id
          OR (
            (s.source_data->'codecarbon'->>'experimentId' IS NULL
              OR u.source_data->'codecarbon'->'run'->>'experiment_id' IS NULL
              OR s.source_data->'codecarbon'->>'experimentId' = u.source_data->'codecarbon'->'run'->>'experiment_id')
            AND (s.project_slug IS NULL OR p.slug IS NULL OR s.project_slug = p.slug)
            AND ((s.source_data->'codecarbon'->>'experimentId' IS NOT NULL
                  AND u.source_data->'codecarbon'->'run'->>'experiment_id' IS NOT NULL)
                 OR (s.project_slug IS NOT NULL AND p.slug IS NOT NULL))
            AND least(s.ended_at, u.ended_at) > greatest(s.started_at, u.started_at)
            AND extract(epoch FROM least(s.ended_at, u.ended_at) - greatest(s.started_at, u.started_at))
                >= ${LIVE_MATCH_MIN_OVERLAP}::float8 * extract(epoch FROM least(s.ended_at - s.started_at, u.ended_at - u.started_at))
          )
        )
      ORDER BY 1`,
  );
  if (rows.length === 0) {
    return [];
  }
  const lines = rows.map((r) => r.line);
  await unstageLines(db, lines, totals);
  const cc = totals.codecarbon;
  if (cc) {
    cc.runs -= rows.length;
    cc.reportedKgCo2e -= rows.reduce((sum, r) => sum + (r.reported ?? 0), 0);
    cc.recomputedLocationKgCo2e -= rows.reduce((sum, r) => sum + r.location, 0);
    // Only listed runs can be taken out of the count; beyond the list the count stays as computed (an upper bound).
    const matched = new Set(lines);
    const before = cc.differences?.length ?? 0;
    cc.differences = (cc.differences ?? []).filter((d) => !matched.has(d.line));
    cc.differingRuns = Math.max(0, (cc.differingRuns ?? 0) - (before - cc.differences.length));
    cc.matchedLiveRuns = lines.length;
    cc.matchedLines = lines.slice(0, MAX_EXPLAINED_RUNS);
  }
  return lines;
}
