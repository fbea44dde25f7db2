-- Overview at 10M records (issues #5 item 7, #9): two small structures next to usage_rollup_daily.
-- docs/decisions/scale.md ADR 6–7.
--
-- 1. usage_rollup_monthly: the daily rollups summed per organisation-local MONTH (same dimensions and columns),
--    kept exact by statement-level triggers on usage_rollup_daily itself (signed deltas from its transition
--    tables), so every writer of the daily rollups (the usage_record triggers, usage_rollup_rebuild, time-zone
--    rebuilds, organisation deletion) maintains it in the same transaction without knowing it exists.
--    `record_carry_in` of a month row = the daily record_carry_in of the month's FIRST day, so "records
--    overlapping [month m1, …]" = Σ record_starts + record_carry_in(m1) exactly as for days. `daily_rows` counts
--    the daily rows a month row sums; it is deleted when that reaches 0 (never holds stale dimension values).
--    Reads take whole months from here and the partial edge months from the daily table.
-- 2. usage_run_bound: per organisation × phase (training, fine-tuning) × UTC start day, an UPPER BOUND of the
--    duration (s) and of the location-based CO2e (kg) of the records starting that day. Grow-only (INSERT and
--    UPDATE raise it, DELETE leaves it): a stale bound only widens a scan, it never hides a record. The top
--    emitters query uses it to read only the days whose runs can overlap the range and can beat the 10th
--    deployment.

CREATE TABLE "usage_rollup_monthly" (
    "id" BIGSERIAL NOT NULL,
    "org_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "phase" "Phase" NOT NULL,
    "team_id" UUID,
    "project_id" UUID,
    "model" TEXT,
    "region" TEXT,
    "provider" "Provider",
    "accelerator" TEXT,
    "grid_zone" TEXT,
    "is_measured" BOOLEAN NOT NULL,
    "daily_rows" INTEGER NOT NULL DEFAULT 0,
    "record_starts" INTEGER NOT NULL DEFAULT 0,
    "record_carry_in" INTEGER NOT NULL DEFAULT 0,
    "record_share" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "device_hours" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "it_energy_kwh" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "facility_energy_kwh" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "location_kg_co2e" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "market_kg_co2e" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "market_matched_kwh" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "embodied_kg_co2e" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "water_onsite_l" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "water_offsite_l" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "uncertainty_low_kg_co2e" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "uncertainty_high_kg_co2e" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "requests" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "tokens" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "request_location_kg_co2e" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "request_embodied_kg_co2e" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "token_location_kg_co2e" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "token_embodied_kg_co2e" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "usage_rollup_monthly_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "usage_rollup_monthly_key" ON "usage_rollup_monthly"
    ("org_id", "month", "phase", "team_id", "project_id", "model", "region", "provider", "accelerator", "grid_zone", "is_measured")
    NULLS NOT DISTINCT;

-- Applies signed deltas of daily rollup rows (`src`: rows shaped like usage_rollup_daily plus `sign`), grouped by
-- month, in key order (concurrent writers lock month rows in the same order); returns the ids of month rows no
-- daily row contributes to any more.
CREATE FUNCTION usage_rollup_monthly_apply_sql(src TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    WITH up AS (
      INSERT INTO usage_rollup_monthly AS u (org_id, month, phase, team_id, project_id, model, region, provider,
             accelerator, grid_zone, is_measured, daily_rows, record_starts, record_carry_in, record_share, device_hours, it_energy_kwh, facility_energy_kwh, location_kg_co2e, market_kg_co2e, market_matched_kwh, embodied_kg_co2e, water_onsite_l, water_offsite_l, uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, requests, tokens, request_location_kg_co2e, request_embodied_kg_co2e, token_location_kg_co2e, token_embodied_kg_co2e)
      SELECT d.org_id, date_trunc('month', d.day::timestamp)::date, d.phase, d.team_id, d.project_id, d.model,
             d.region, d.provider, d.accelerator, d.grid_zone, d.is_measured,
             SUM(d.sign)::int, SUM(d.sign * d.record_starts)::int,
             COALESCE(SUM(d.sign * d.record_carry_in) FILTER (WHERE extract(day FROM d.day) = 1), 0)::int,
             SUM(d.sign * d.record_share),
             SUM(d.sign * d.device_hours),
             SUM(d.sign * d.it_energy_kwh),
             SUM(d.sign * d.facility_energy_kwh),
             SUM(d.sign * d.location_kg_co2e),
             SUM(d.sign * d.market_kg_co2e),
             SUM(d.sign * d.market_matched_kwh),
             SUM(d.sign * d.embodied_kg_co2e),
             SUM(d.sign * d.water_onsite_l),
             SUM(d.sign * d.water_offsite_l),
             SUM(d.sign * d.uncertainty_low_kg_co2e),
             SUM(d.sign * d.uncertainty_high_kg_co2e),
             SUM(d.sign * d.requests),
             SUM(d.sign * d.tokens),
             SUM(d.sign * d.request_location_kg_co2e),
             SUM(d.sign * d.request_embodied_kg_co2e),
             SUM(d.sign * d.token_location_kg_co2e),
             SUM(d.sign * d.token_embodied_kg_co2e)
        FROM (%s) d
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
       ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
      ON CONFLICT (org_id, month, phase, team_id, project_id, model, region, provider, accelerator, grid_zone, is_measured)
      DO UPDATE SET
        daily_rows = u.daily_rows + EXCLUDED.daily_rows,
        record_starts = u.record_starts + EXCLUDED.record_starts,
        record_carry_in = u.record_carry_in + EXCLUDED.record_carry_in,
        record_share = u.record_share + EXCLUDED.record_share,
        device_hours = u.device_hours + EXCLUDED.device_hours,
        it_energy_kwh = u.it_energy_kwh + EXCLUDED.it_energy_kwh,
        facility_energy_kwh = u.facility_energy_kwh + EXCLUDED.facility_energy_kwh,
        location_kg_co2e = u.location_kg_co2e + EXCLUDED.location_kg_co2e,
        market_kg_co2e = u.market_kg_co2e + EXCLUDED.market_kg_co2e,
        market_matched_kwh = u.market_matched_kwh + EXCLUDED.market_matched_kwh,
        embodied_kg_co2e = u.embodied_kg_co2e + EXCLUDED.embodied_kg_co2e,
        water_onsite_l = u.water_onsite_l + EXCLUDED.water_onsite_l,
        water_offsite_l = u.water_offsite_l + EXCLUDED.water_offsite_l,
        uncertainty_low_kg_co2e = u.uncertainty_low_kg_co2e + EXCLUDED.uncertainty_low_kg_co2e,
        uncertainty_high_kg_co2e = u.uncertainty_high_kg_co2e + EXCLUDED.uncertainty_high_kg_co2e,
        requests = u.requests + EXCLUDED.requests,
        tokens = u.tokens + EXCLUDED.tokens,
        request_location_kg_co2e = u.request_location_kg_co2e + EXCLUDED.request_location_kg_co2e,
        request_embodied_kg_co2e = u.request_embodied_kg_co2e + EXCLUDED.request_embodied_kg_co2e,
        token_location_kg_co2e = u.token_location_kg_co2e + EXCLUDED.token_location_kg_co2e,
        token_embodied_kg_co2e = u.token_embodied_kg_co2e + EXCLUDED.token_embodied_kg_co2e
      RETURNING u.id, u.daily_rows
    )
    SELECT COALESCE(array_agg(id) FILTER (WHERE daily_rows = 0), '{}') FROM up$q$, src)
$f$;

CREATE FUNCTION usage_rollup_monthly_on_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  src TEXT;
  dead BIGINT[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    src := 'SELECT 1 AS sign, n.* FROM monthly_new n';
  ELSIF TG_OP = 'DELETE' THEN
    src := 'SELECT -1 AS sign, o.* FROM monthly_old o';
  ELSE
    src := 'SELECT 1 AS sign, n.* FROM monthly_new n UNION ALL SELECT -1 AS sign, o.* FROM monthly_old o';
  END IF;
  EXECUTE usage_rollup_monthly_apply_sql(src) INTO dead;
  IF cardinality(dead) > 0 THEN
    DELETE FROM usage_rollup_monthly WHERE id = ANY (dead);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER usage_rollup_monthly_after_insert AFTER INSERT ON usage_rollup_daily
  REFERENCING NEW TABLE AS monthly_new FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_monthly_on_change();
CREATE TRIGGER usage_rollup_monthly_after_update AFTER UPDATE ON usage_rollup_daily
  REFERENCING OLD TABLE AS monthly_old NEW TABLE AS monthly_new FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_monthly_on_change();
CREATE TRIGGER usage_rollup_monthly_after_delete AFTER DELETE ON usage_rollup_daily
  REFERENCING OLD TABLE AS monthly_old FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_monthly_on_change();

-- Rebuilds one organisation's month rows from its daily rows (repair; the triggers keep it exact otherwise).
CREATE FUNCTION usage_rollup_monthly_rebuild(org UUID) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  dead BIGINT[];
BEGIN
  DELETE FROM usage_rollup_monthly WHERE org_id = org;
  EXECUTE usage_rollup_monthly_apply_sql(format('SELECT 1 AS sign, x.* FROM usage_rollup_daily x WHERE x.org_id = %L', org))
    INTO dead;
END;
$$;

SELECT usage_rollup_monthly_rebuild(id) FROM organization;

CREATE TABLE "usage_run_bound" (
    "org_id" UUID NOT NULL,
    "phase" "Phase" NOT NULL,
    "start_day" DATE NOT NULL,
    "max_duration_s" DOUBLE PRECISION NOT NULL,
    "max_location_kg_co2e" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "usage_run_bound_pkey" PRIMARY KEY ("org_id", "phase", "start_day")
);

-- Raises the bounds from `src` (rows shaped like usage_record). Durations of zero-length or inverted records
-- count as 0; negative CO2e counts as 0 (a record's in-range share of CO2e is then ≤ max(location, 0)).
CREATE FUNCTION usage_run_bound_raise_sql(src TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
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

CREATE FUNCTION usage_run_bound_on_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE usage_run_bound_raise_sql('SELECT n.* FROM run_bound_new n');
  RETURN NULL;
END;
$$;

CREATE TRIGGER usage_run_bound_after_insert AFTER INSERT ON usage_record
  REFERENCING NEW TABLE AS run_bound_new FOR EACH STATEMENT EXECUTE FUNCTION usage_run_bound_on_change();
CREATE TRIGGER usage_run_bound_after_update AFTER UPDATE ON usage_record
  REFERENCING NEW TABLE AS run_bound_new FOR EACH STATEMENT EXECUTE FUNCTION usage_run_bound_on_change();

-- Recomputes one organisation's bounds exactly (bulk loads with triggers off, repair, shrinking after deletes).
CREATE FUNCTION usage_run_bound_rebuild(org UUID) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM usage_run_bound WHERE org_id = org;
  EXECUTE usage_run_bound_raise_sql(format(
    'SELECT x.* FROM usage_record x WHERE x.org_id = %L AND x.phase IN (''training'', ''fine_tuning'')', org));
END;
$$;

SELECT usage_run_bound_rebuild(id) FROM organization;

CREATE FUNCTION usage_run_bound_on_org_delete() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM usage_run_bound WHERE org_id = OLD.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER usage_run_bound_after_org_delete AFTER DELETE ON organization
  FOR EACH ROW EXECUTE FUNCTION usage_run_bound_on_org_delete();
