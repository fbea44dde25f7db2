-- Ingest speed (issue #4, docs/decisions/ingest-perf.md ADR "trigger plans"): the statement-level rollup and
-- quality triggers ran every upload's records through a disk sort. auto_explain on a 100,000-row upload
-- (`npm run bench:ingest -- --rows 100000`, embedded PG 18, default settings) showed:
--   usage_quality_after_insert 9.1 s: the planner takes usage_rollup_days() for 1,000 rows per record, so it
--     sorted 100,000 record-days (two external merges, 160 MB on disk) on the 1.3 KB factor_refs document to
--     group them into 4,380 groups;
--   usage_rollup_after_insert 1.3 s: the same over-estimate, an external sort of 21 MB.
-- Both trigger bodies now run with hash aggregation in memory (the groups are few: one per day × dimension
-- combination, a few MB) and the quality trigger groups record-days by a 64-bit hash of factor_refs instead of
-- the document itself, keeping one copy per group (any_value). Equal documents always hash equally; two
-- different documents would have to collide on the 64-bit hash AND the stored size within one
-- organisation × day × methodology × flags group (≈ n²/2⁶⁵ for n distinct factor sets: 3·10⁻¹² for 10,000).
-- Splitting equal documents into two groups (different stored sizes) is harmless: facts are summed per key later.

-- any_value() is built in from PostgreSQL 16; older servers (DATABASE_URL may point at PostgreSQL 15) get an
-- equivalent aggregate: the first non-null value.
DO $$
BEGIN
  IF current_setting('server_version_num')::int < 160000 THEN
    CREATE FUNCTION aif_first_value_sfunc(state anyelement, value anyelement) RETURNS anyelement
      LANGUAGE sql IMMUTABLE STRICT AS 'SELECT state';
    CREATE AGGREGATE any_value(anyelement) (SFUNC = aif_first_value_sfunc, STYPE = anyelement);
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION usage_quality_upsert_sql(src TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    WITH g AS (
      SELECT x.org_id, d.day, x.methodology_version, x.assumption_flags, any_value(x.factor_refs) AS factor_refs,
             SUM(x.sign * d.is_start) AS starts, SUM(x.sign * (1 - d.is_start)) AS carry,
             SUM(x.sign * d.share) AS share,
             COALESCE(MAX(EXTRACT(EPOCH FROM (x.ended_at - x.started_at))::float8)
               FILTER (WHERE x.sign > 0 AND d.is_start = 1), 0) AS duration_s
        FROM (%s) x
        JOIN organization o ON o.id = x.org_id
        CROSS JOIN LATERAL usage_rollup_days(x.started_at, x.ended_at, o.time_zone) d
       GROUP BY 1, 2, 3, 4, jsonb_hash_extended(x.factor_refs, 0), pg_column_size(x.factor_refs)
      HAVING SUM(x.sign * d.is_start) <> 0 OR SUM(x.sign * (1 - d.is_start)) <> 0 OR SUM(x.sign * d.share) <> 0),
    facts AS (
      SELECT g.org_id, g.day, 'methodology'::text AS fact, g.methodology_version AS key, ''::text AS detail,
             g.starts, g.carry, 0::float8 AS energy_kwh, g.duration_s
        FROM g
      UNION ALL
      SELECT g.org_id, g.day, 'flag', f.code, '', g.starts, g.carry, 0, g.duration_s
        FROM g CROSS JOIN LATERAL (SELECT DISTINCT unnest(g.assumption_flags) AS code) f
      UNION ALL
      SELECT g.org_id, g.day, 'factor', COALESCE(e.f->>'id', ''), usage_quality_factor_detail(e.f),
             g.starts, g.carry, 0, g.duration_s
        FROM g CROSS JOIN LATERAL jsonb_array_elements(usage_quality_array(g.factor_refs->'factors')) AS e(f)
      UNION ALL
      SELECT g.org_id, g.day, 'contract', COALESCE(a.a->>'contractId', ''), usage_quality_contract_detail(a.a),
             g.starts, g.carry, COALESCE((a.a->>'energyKwh')::float8, 0) * g.share, g.duration_s
        FROM g CROSS JOIN LATERAL jsonb_array_elements(usage_quality_array(g.factor_refs->'marketAllocations')) AS a(a)),
    up AS (
      INSERT INTO usage_quality_daily AS q (org_id, day, fact, key, detail, record_starts, record_carry_in,
             energy_kwh, max_duration_s)
      SELECT org_id, day, fact, key, detail, SUM(starts)::int, SUM(carry)::int, SUM(energy_kwh), MAX(duration_s)
        FROM facts
       GROUP BY 1, 2, 3, 4, 5
       ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (org_id, day, fact, key, detail) DO UPDATE SET
        record_starts = q.record_starts + EXCLUDED.record_starts,
        record_carry_in = q.record_carry_in + EXCLUDED.record_carry_in,
        energy_kwh = q.energy_kwh + EXCLUDED.energy_kwh,
        max_duration_s = GREATEST(q.max_duration_s, EXCLUDED.max_duration_s)
      RETURNING q.id, q.record_starts + q.record_carry_in AS contributions)
    SELECT COALESCE(array_agg(id) FILTER (WHERE contributions = 0), '{}') FROM up$q$, src)
$f$;

-- Hash aggregates in memory for the trigger bodies (per call; the rebuild functions already set theirs).
ALTER FUNCTION usage_quality_on_change() SET enable_sort = off;
ALTER FUNCTION usage_quality_on_change() SET enable_incremental_sort = off;
ALTER FUNCTION usage_quality_on_change() SET work_mem = '64MB';
ALTER FUNCTION usage_rollup_on_change() SET enable_sort = off;
ALTER FUNCTION usage_rollup_on_change() SET enable_incremental_sort = off;
ALTER FUNCTION usage_rollup_on_change() SET work_mem = '64MB';
ALTER FUNCTION usage_quality_rebuild(UUID) SET enable_incremental_sort = off;
ALTER FUNCTION usage_rollup_rebuild(UUID) SET enable_incremental_sort = off;
