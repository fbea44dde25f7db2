-- Canonical definition of the usage_quality_daily trigger functions and triggers: what the migrations leave in the
-- database today (prisma/migrations/20261201020000_usage_quality_rollups, 20261201050000_ingest_trigger_plans,
-- 20261207001500_factor_set_storage).
-- tests/integration/rollup-definitions.test.ts applies every migration to a fresh database and checks that the
-- live functions, their settings and the triggers equal this file. To change one: edit it here, then copy the
-- changed statements into a new migration (`npm run db:new -- <name>`). docs/SCALING.md "Changing a rollup".

-- The metadata that identifies a factor / contract variant (what the report prints), as canonical jsonb text.
-- Used by the trigger and by the report's first-citation look-up, so both produce the same text.
CREATE OR REPLACE FUNCTION usage_quality_factor_detail(f JSONB) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_object('kind', f->'kind', 'value', f->'value', 'unit', f->'unit', 'source', f->'source',
                            'datasetVersion', f->'datasetVersion', 'basis', f->'basis')::text
$$;

CREATE OR REPLACE FUNCTION usage_quality_contract_detail(a JSONB) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_object('instrumentType', a->'instrumentType', 'gCo2ePerKwh', a->'gCo2ePerKwh')::text
$$;

-- A factor set's factors / a record's market allocations as an array ('[]' when absent or malformed: a trigger
-- must never make a write fail on provenance shape).
CREATE OR REPLACE FUNCTION usage_quality_array(j JSONB) RETURNS JSONB LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN jsonb_typeof(j) = 'array' THEN j ELSE '[]'::jsonb END
$$;

-- The upsert applying signed deltas from `src` (rows shaped like usage_record plus `sign`), in key order.
-- Record-days are first collapsed per factor set and market allocation (issue #20: provenance is stored once per
-- distinct set in factor_set), and each group's set is joined once, so the JSON is expanded once per group instead
-- of once per record, and no-op updates (same set, same days: +1 and −1) cancel before any JSON work. Allocations
-- are grouped by a 64-bit hash (and stored size), keeping one copy per group (any_value), so the planner
-- hash-aggregates in memory instead of sorting documents (docs/decisions/ingest-perf.md ADR "trigger plans").
CREATE OR REPLACE FUNCTION usage_quality_upsert_sql(src TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    WITH g0 AS (
      SELECT x.org_id, d.day, x.factor_set_id, any_value(x.market_allocations) AS market_allocations,
             SUM(x.sign * d.is_start) AS starts, SUM(x.sign * (1 - d.is_start)) AS carry,
             SUM(x.sign * d.share) AS share,
             COALESCE(MAX(EXTRACT(EPOCH FROM (x.ended_at - x.started_at))::float8)
               FILTER (WHERE x.sign > 0 AND d.is_start = 1), 0) AS duration_s
        FROM (%s) x
        JOIN organization o ON o.id = x.org_id
        CROSS JOIN LATERAL usage_rollup_days(x.started_at, x.ended_at, o.time_zone) d
       GROUP BY 1, 2, 3, jsonb_hash_extended(x.market_allocations, 0), pg_column_size(x.market_allocations)
      HAVING SUM(x.sign * d.is_start) <> 0 OR SUM(x.sign * (1 - d.is_start)) <> 0 OR SUM(x.sign * d.share) <> 0),
    g AS (
      SELECT g0.*, s.methodology_version, s.assumption_flags, s.factors
        FROM g0 JOIN factor_set s ON s.id = g0.factor_set_id),
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
        FROM g CROSS JOIN LATERAL jsonb_array_elements(usage_quality_array(g.factors)) AS e(f)
      UNION ALL
      SELECT g.org_id, g.day, 'contract', COALESCE(a.a->>'contractId', ''), usage_quality_contract_detail(a.a),
             g.starts, g.carry, COALESCE((a.a->>'energyKwh')::float8, 0) * g.share, g.duration_s
        FROM g CROSS JOIN LATERAL jsonb_array_elements(usage_quality_array(g.market_allocations)) AS a(a)),
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

-- Statement-level trigger body: transition tables → signed deltas → upsert; rows nothing contributes to any
-- more are deleted.
-- Hash aggregates in memory (docs/decisions/ingest-perf.md ADR "trigger plans").
CREATE OR REPLACE FUNCTION usage_quality_on_change() RETURNS TRIGGER LANGUAGE plpgsql
SET enable_sort = off SET enable_incremental_sort = off SET work_mem = '64MB' AS $$
DECLARE
  src TEXT;
  dead BIGINT[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    src := 'SELECT 1 AS sign, n.* FROM quality_new n';
  ELSIF TG_OP = 'DELETE' THEN
    src := 'SELECT -1 AS sign, o.* FROM quality_old o';
  ELSE
    src := 'SELECT 1 AS sign, n.* FROM quality_new n UNION ALL SELECT -1 AS sign, o.* FROM quality_old o';
  END IF;
  EXECUTE usage_quality_upsert_sql(src) INTO dead;
  IF cardinality(dead) > 0 THEN
    DELETE FROM usage_quality_daily WHERE id = ANY (dead);
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER usage_quality_after_insert AFTER INSERT ON usage_record
  REFERENCING NEW TABLE AS quality_new FOR EACH STATEMENT EXECUTE FUNCTION usage_quality_on_change();
CREATE OR REPLACE TRIGGER usage_quality_after_update AFTER UPDATE ON usage_record
  REFERENCING OLD TABLE AS quality_old NEW TABLE AS quality_new FOR EACH STATEMENT EXECUTE FUNCTION usage_quality_on_change();
CREATE OR REPLACE TRIGGER usage_quality_after_delete AFTER DELETE ON usage_record
  REFERENCING OLD TABLE AS quality_old FOR EACH STATEMENT EXECUTE FUNCTION usage_quality_on_change();

-- Rebuilds one organisation's quality rollups from its records (time-zone change, repair, bulk loads).
CREATE OR REPLACE FUNCTION usage_quality_rebuild(org UUID) RETURNS VOID LANGUAGE plpgsql
SET work_mem = '256MB' SET enable_sort = off SET enable_incremental_sort = off AS $$
DECLARE
  dead BIGINT[];
BEGIN
  DELETE FROM usage_quality_daily WHERE org_id = org;
  EXECUTE usage_quality_upsert_sql(format('SELECT 1 AS sign, x.* FROM usage_record x WHERE x.org_id = %L', org))
    INTO dead;
  IF cardinality(dead) > 0 THEN
    DELETE FROM usage_quality_daily WHERE id = ANY (dead);
  END IF;
END;
$$;

-- Local days move when the organisation's time zone changes: rebuild in the same transaction.
CREATE OR REPLACE FUNCTION usage_quality_on_time_zone_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM usage_quality_rebuild(NEW.id);
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER usage_quality_after_time_zone_change AFTER UPDATE OF time_zone ON organization
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION usage_quality_on_time_zone_change();

-- Deleting an organisation cascades to its records after the organisation row is gone (the trigger's join
-- then finds no time zone), so its quality rollups are removed here.
CREATE OR REPLACE FUNCTION usage_quality_on_org_delete() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM usage_quality_daily WHERE org_id = OLD.id;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER usage_quality_after_org_delete AFTER DELETE ON organization
  FOR EACH ROW EXECUTE FUNCTION usage_quality_on_org_delete();
