-- Canonical definition of the usage_rollup_daily trigger functions and triggers: what the migrations leave in the
-- database today (prisma/migrations/20261130040000_usage_rollups, 20261201050000_ingest_trigger_plans,
-- 20261206190413_rollup_numeric_sums, 20261207020000_rollup_ai_service,
-- 20261207040000_rollup_token_quantities). tests/integration/rollup-definitions.test.ts applies every migration to a
-- fresh database and checks that the live functions, their settings and the triggers equal this file. To change
-- one: edit it here, then copy the changed statements into a new migration (`npm run db:new -- <name>`).
-- docs/SCALING.md "Changing a rollup".

-- The local days of [started, ended) in `tz`, each with the record's time share and whether it starts there.
-- Most records lie within one local day: they get share 1 without any date arithmetic (overlap ÷ duration is
-- exactly 1 there too, so the result is the same).
CREATE OR REPLACE FUNCTION usage_rollup_days(started TIMESTAMPTZ, ended TIMESTAMPTZ, tz TEXT)
RETURNS TABLE (day DATE, share DOUBLE PRECISION, is_start INTEGER)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT g::date,
         (CASE WHEN b.first_day = b.last_day THEN 1
           ELSE GREATEST(0, EXTRACT(EPOCH FROM (LEAST(ended, (g + interval '1 day') AT TIME ZONE tz)
                                              - GREATEST(started, g AT TIME ZONE tz))))
                / EXTRACT(EPOCH FROM (ended - started))
           END)::float8,
         (g = b.first_day)::int
    FROM (SELECT date_trunc('day', started AT TIME ZONE tz) AS first_day,
                 date_trunc('day', (CASE WHEN ended > started THEN ended - interval '1 microsecond'
                                         ELSE started END) AT TIME ZONE tz) AS last_day) AS b,
         generate_series(b.first_day, b.last_day, interval '1 day') AS g
$$;

-- The upsert statement applying signed deltas from `src` (rows shaped like usage_record plus `sign`).
-- Rows are inserted in key order so concurrent writers lock rollup rows in the same order (no deadlocks).
-- The day split is computed once per record-day in a fenced subquery (OFFSET 0): inlined into every SUM it
-- would be re-evaluated ~20 times per row (measured: 13 s vs <1 s for 85k records).
-- Each record-day delta is cast to NUMERIC before it is summed, so running sums stay exact
-- (docs/decisions/reliability.md "Rollup sums are NUMERIC"). `ai_service` (the third-party AI service a record's
-- tokens went to, NULL for compute) is the last key column (output column 32), so AI-service usage has rows of its own.
-- The quantities after it (columns 33–36: facility energy, market CO2e and on-site + off-site water of the records
-- with tokens > 0, and output tokens) serve the intensity per 1M tokens per model (`findModelTokenIntensity`).
CREATE OR REPLACE FUNCTION usage_rollup_upsert_sql(src TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    WITH up AS (
      INSERT INTO usage_rollup_daily AS u (org_id, day, phase, team_id, project_id, model, region, provider,
             accelerator, grid_zone, is_measured, record_starts, record_carry_in, record_share, device_hours, it_energy_kwh,
             facility_energy_kwh, location_kg_co2e, market_kg_co2e, market_matched_kwh, embodied_kg_co2e,
             water_onsite_l, water_offsite_l, uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, requests, tokens,
             request_location_kg_co2e, request_embodied_kg_co2e, token_location_kg_co2e, token_embodied_kg_co2e, ai_service,
             token_facility_energy_kwh, token_market_kg_co2e, token_water_l, output_tokens)
      SELECT r.org_id, r.day, r.phase, r.team_id, r.project_id, r.model, r.region, r.provider, r.accelerator,
             r.grid_zone, r.is_measured,
             SUM(r.sign * r.is_start)::int, SUM(r.sign * (1 - r.is_start))::int, SUM((r.sign * r.share)::numeric),
             SUM((r.sign * r.device_hours * r.share)::numeric), SUM((r.sign * r.it_energy_kwh * r.share)::numeric),
             SUM((r.sign * r.facility_energy_kwh * r.share)::numeric), SUM((r.sign * r.location_kg_co2e * r.share)::numeric),
             SUM((r.sign * r.market_kg_co2e * r.share)::numeric), SUM((r.sign * r.market_matched_kwh * r.share)::numeric),
             SUM((r.sign * r.embodied_kg_co2e * r.share)::numeric), SUM((r.sign * r.water_onsite_l * r.share)::numeric),
             SUM((r.sign * r.water_offsite_l * r.share)::numeric), SUM((r.sign * r.uncertainty_low_kg_co2e * r.share)::numeric),
             SUM((r.sign * r.uncertainty_high_kg_co2e * r.share)::numeric),
             SUM((r.sign * COALESCE(r.requests, 0) * r.share)::numeric), SUM((r.sign * COALESCE(r.tokens, 0) * r.share)::numeric),
             COALESCE(SUM((r.sign * r.location_kg_co2e * r.share)::numeric) FILTER (WHERE r.requests > 0), 0),
             COALESCE(SUM((r.sign * r.embodied_kg_co2e * r.share)::numeric) FILTER (WHERE r.requests > 0), 0),
             COALESCE(SUM((r.sign * r.location_kg_co2e * r.share)::numeric) FILTER (WHERE r.tokens > 0), 0),
             COALESCE(SUM((r.sign * r.embodied_kg_co2e * r.share)::numeric) FILTER (WHERE r.tokens > 0), 0),
             r.ai_service,
             COALESCE(SUM((r.sign * r.facility_energy_kwh * r.share)::numeric) FILTER (WHERE r.tokens > 0), 0),
             COALESCE(SUM((r.sign * r.market_kg_co2e * r.share)::numeric) FILTER (WHERE r.tokens > 0), 0),
             COALESCE(SUM((r.sign * (r.water_onsite_l + r.water_offsite_l) * r.share)::numeric) FILTER (WHERE r.tokens > 0), 0),
             SUM((r.sign * COALESCE(r.output_tokens, 0) * r.share)::numeric)
        FROM (SELECT x.sign, x.org_id, x.phase, x.team_id, x.project_id, x.model, x.region, x.provider,
                     x.accelerator, x.grid_zone, x.is_measured, x.requests, x.tokens, x.device_hours,
                     x.it_energy_kwh, x.facility_energy_kwh, x.location_kg_co2e, x.market_kg_co2e,
                     x.market_matched_kwh, x.embodied_kg_co2e, x.water_onsite_l, x.water_offsite_l,
                     x.uncertainty_low_kg_co2e, x.uncertainty_high_kg_co2e, x.ai_service, x.output_tokens, d.day, d.share,
                     d.is_start
                FROM (%s) x
                JOIN organization o ON o.id = x.org_id
                CROSS JOIN LATERAL usage_rollup_days(x.started_at, x.ended_at, o.time_zone) d
              OFFSET 0) r
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 32
       ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 32
      ON CONFLICT (org_id, day, phase, team_id, project_id, model, region, provider, accelerator, grid_zone, is_measured,
                   ai_service)
      DO UPDATE SET
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
      RETURNING u.id, u.record_starts + u.record_carry_in AS contributions
    )
    SELECT COALESCE(array_agg(id) FILTER (WHERE contributions = 0), '{}') FROM up$q$, src)
$f$;

-- Statement-level trigger body: transition tables rollup_new / rollup_old → signed deltas → upsert; rows no
-- record contributes to any more are deleted (so rollups never hold stale dimension values).
-- Hash aggregates in memory (docs/decisions/ingest-perf.md ADR "trigger plans").
CREATE OR REPLACE FUNCTION usage_rollup_on_change() RETURNS TRIGGER LANGUAGE plpgsql
SET enable_sort = off SET enable_incremental_sort = off SET work_mem = '64MB' AS $$
DECLARE
  src TEXT;
  dead BIGINT[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    src := 'SELECT 1 AS sign, n.* FROM rollup_new n';
  ELSIF TG_OP = 'DELETE' THEN
    src := 'SELECT -1 AS sign, o.* FROM rollup_old o';
  ELSE
    src := 'SELECT 1 AS sign, n.* FROM rollup_new n UNION ALL SELECT -1 AS sign, o.* FROM rollup_old o';
  END IF;
  EXECUTE usage_rollup_upsert_sql(src) INTO dead;
  IF cardinality(dead) > 0 THEN
    DELETE FROM usage_rollup_daily WHERE id = ANY (dead);
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER usage_rollup_after_insert AFTER INSERT ON usage_record
  REFERENCING NEW TABLE AS rollup_new FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_on_change();
CREATE OR REPLACE TRIGGER usage_rollup_after_update AFTER UPDATE ON usage_record
  REFERENCING OLD TABLE AS rollup_old NEW TABLE AS rollup_new FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_on_change();
CREATE OR REPLACE TRIGGER usage_rollup_after_delete AFTER DELETE ON usage_record
  REFERENCING OLD TABLE AS rollup_old FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_on_change();

-- Rebuilds one organisation's rollups from its records (time-zone change, repair, bulk loads). The planner
-- over-estimates the day split (generate_series counts as 1,000 rows) and would sort millions of record-days on
-- disk; a hash aggregate in more work_mem is several times faster here (docs/decisions/scale.md).
CREATE OR REPLACE FUNCTION usage_rollup_rebuild(org UUID) RETURNS VOID LANGUAGE plpgsql
SET work_mem = '256MB' SET enable_sort = off SET enable_incremental_sort = off AS $$
DECLARE
  dead BIGINT[];
BEGIN
  DELETE FROM usage_rollup_daily WHERE org_id = org;
  EXECUTE usage_rollup_upsert_sql(format('SELECT 1 AS sign, x.* FROM usage_record x WHERE x.org_id = %L', org))
    INTO dead;
  IF cardinality(dead) > 0 THEN
    DELETE FROM usage_rollup_daily WHERE id = ANY (dead);
  END IF;
END;
$$;

-- Local days move when the organisation's time zone changes: rebuild that organisation in the same transaction.
CREATE OR REPLACE FUNCTION usage_rollup_on_time_zone_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM usage_rollup_rebuild(NEW.id);
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER usage_rollup_after_time_zone_change AFTER UPDATE OF time_zone ON organization
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION usage_rollup_on_time_zone_change();

-- Deleting an organisation cascades to its records after the organisation row is gone (the join above then
-- finds no time zone), so its rollups are removed here.
CREATE OR REPLACE FUNCTION usage_rollup_on_org_delete() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM usage_rollup_daily WHERE org_id = OLD.id;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER usage_rollup_after_org_delete AFTER DELETE ON organization
  FOR EACH ROW EXECUTE FUNCTION usage_rollup_on_org_delete();
