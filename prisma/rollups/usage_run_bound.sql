-- Canonical definition of the usage_run_bound trigger functions and triggers: what the migrations leave in the
-- database today (prisma/migrations/20261201010000_overview_rollups). tests/integration/rollup-definitions.test.ts
-- applies every migration to a fresh database and checks that the live functions, their settings and the triggers
-- equal this file. To change one: edit it here, then copy the changed statements into a new migration (`npm run
-- db:new -- <name>`). docs/SCALING.md "Changing a rollup".

-- Raises the bounds from `src` (rows shaped like usage_record). Durations of zero-length or inverted records
-- count as 0; negative CO2e counts as 0 (a record's in-range share of CO2e is then ≤ max(location, 0)).
CREATE OR REPLACE FUNCTION usage_run_bound_raise_sql(src TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    INSERT INTO usage_run_bound AS b (org_id, phase, start_day, max_duration_s, max_location_kg_co2e)
    SELECT x.org_id, x.phase, (x.started_at AT TIME ZONE 'UTC')::date,
           MAX(GREATEST(0, EXTRACT(EPOCH FROM (x.ended_at - x.started_at))))::float8,
           MAX(GREATEST(0, x.location_kg_co2e))::float8
      FROM (%s) x
     WHERE x.phase IN ('training', 'fine_tuning')
     GROUP BY 1, 2, 3
     ORDER BY 1, 2, 3
    ON CONFLICT (org_id, phase, start_day) DO UPDATE SET
      max_duration_s = GREATEST(b.max_duration_s, EXCLUDED.max_duration_s),
      max_location_kg_co2e = GREATEST(b.max_location_kg_co2e, EXCLUDED.max_location_kg_co2e)
     WHERE b.max_duration_s < EXCLUDED.max_duration_s OR b.max_location_kg_co2e < EXCLUDED.max_location_kg_co2e$q$, src)
$f$;

CREATE OR REPLACE FUNCTION usage_run_bound_on_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE usage_run_bound_raise_sql('SELECT n.* FROM run_bound_new n');
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER usage_run_bound_after_insert AFTER INSERT ON usage_record
  REFERENCING NEW TABLE AS run_bound_new FOR EACH STATEMENT EXECUTE FUNCTION usage_run_bound_on_change();
CREATE OR REPLACE TRIGGER usage_run_bound_after_update AFTER UPDATE ON usage_record
  REFERENCING NEW TABLE AS run_bound_new FOR EACH STATEMENT EXECUTE FUNCTION usage_run_bound_on_change();

-- Recomputes one organisation's bounds exactly (bulk loads with triggers off, repair, shrinking after deletes).
CREATE OR REPLACE FUNCTION usage_run_bound_rebuild(org UUID) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM usage_run_bound WHERE org_id = org;
  EXECUTE usage_run_bound_raise_sql(format(
    'SELECT x.* FROM usage_record x WHERE x.org_id = %L AND x.phase IN (''training'', ''fine_tuning'')', org));
END;
$$;

CREATE OR REPLACE FUNCTION usage_run_bound_on_org_delete() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM usage_run_bound WHERE org_id = OLD.id;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER usage_run_bound_after_org_delete AFTER DELETE ON organization
  FOR EACH ROW EXECUTE FUNCTION usage_run_bound_on_org_delete();
