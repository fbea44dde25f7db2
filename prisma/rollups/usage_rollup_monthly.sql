-- Canonical definition of the usage_rollup_monthly trigger functions and triggers: what the migrations leave in
-- the database today (prisma/migrations/20261201010000_overview_rollups, 20261206190413_rollup_numeric_sums
-- (column types only), 20261207020000_rollup_ai_service, 20261207040000_rollup_token_quantities). tests/integration/rollup-definitions.test.ts applies every migration to a fresh database
-- and checks that the live functions, their settings and the triggers equal this file. To change one: edit it
-- here, then copy the changed statements into a new migration (`npm run db:new -- <name>`). docs/SCALING.md
-- "Changing a rollup".

-- Applies signed deltas of daily rollup rows (`src`: rows shaped like usage_rollup_daily plus `sign`), grouped by
-- month, in key order (concurrent writers lock month rows in the same order); returns the ids of month rows no
-- daily row contributes to any more. `ai_service` is the last key column (output column 33), as in the daily table.
CREATE OR REPLACE FUNCTION usage_rollup_monthly_apply_sql(src TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    WITH up AS (
      INSERT INTO usage_rollup_monthly AS u (org_id, month, phase, team_id, project_id, model, region, provider,
             accelerator, grid_zone, is_measured, daily_rows, record_starts, record_carry_in, record_share, device_hours, it_energy_kwh, facility_energy_kwh, location_kg_co2e, market_kg_co2e, market_matched_kwh, embodied_kg_co2e, water_onsite_l, water_offsite_l, uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, requests, tokens, request_location_kg_co2e, request_embodied_kg_co2e, token_location_kg_co2e, token_embodied_kg_co2e, ai_service, token_facility_energy_kwh, token_market_kg_co2e, token_water_l, output_tokens)
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
             SUM(d.sign * d.token_embodied_kg_co2e),
             d.ai_service,
             SUM(d.sign * d.token_facility_energy_kwh),
             SUM(d.sign * d.token_market_kg_co2e),
             SUM(d.sign * d.token_water_l),
             SUM(d.sign * d.output_tokens)
        FROM (%s) d
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 33
       ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 33
      ON CONFLICT (org_id, month, phase, team_id, project_id, model, region, provider, accelerator, grid_zone, is_measured,
                   ai_service)
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
        token_embodied_kg_co2e = u.token_embodied_kg_co2e + EXCLUDED.token_embodied_kg_co2e,
        token_facility_energy_kwh = u.token_facility_energy_kwh + EXCLUDED.token_facility_energy_kwh,
        token_market_kg_co2e = u.token_market_kg_co2e + EXCLUDED.token_market_kg_co2e,
        token_water_l = u.token_water_l + EXCLUDED.token_water_l,
        output_tokens = u.output_tokens + EXCLUDED.output_tokens
      RETURNING u.id, u.daily_rows
    )
    SELECT COALESCE(array_agg(id) FILTER (WHERE daily_rows = 0), '{}') FROM up$q$, src)
$f$;

CREATE OR REPLACE FUNCTION usage_rollup_monthly_on_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE TRIGGER usage_rollup_monthly_after_insert AFTER INSERT ON usage_rollup_daily
  REFERENCING NEW TABLE AS monthly_new FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_monthly_on_change();
CREATE OR REPLACE TRIGGER usage_rollup_monthly_after_update AFTER UPDATE ON usage_rollup_daily
  REFERENCING OLD TABLE AS monthly_old NEW TABLE AS monthly_new FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_monthly_on_change();
CREATE OR REPLACE TRIGGER usage_rollup_monthly_after_delete AFTER DELETE ON usage_rollup_daily
  REFERENCING OLD TABLE AS monthly_old FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_monthly_on_change();

-- Rebuilds one organisation's month rows from its daily rows (repair; the triggers keep it exact otherwise).
CREATE OR REPLACE FUNCTION usage_rollup_monthly_rebuild(org UUID) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  dead BIGINT[];
BEGIN
  DELETE FROM usage_rollup_monthly WHERE org_id = org;
  EXECUTE usage_rollup_monthly_apply_sql(format('SELECT 1 AS sign, x.* FROM usage_rollup_daily x WHERE x.org_id = %L', org))
    INTO dead;
END;
$$;
