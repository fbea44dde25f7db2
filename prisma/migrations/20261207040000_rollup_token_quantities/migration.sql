-- Token quantities on the rollups (issue #21 follow-up: the overview's intensity per 1M tokens per model read every
-- record of the organisation; docs/decisions/ai-services.md AS46). usage_rollup_daily and usage_rollup_monthly gain,
-- like token_location_kg_co2e, the facility energy (kWh), market-based CO2e (kg) and on-site + off-site water (L) of
-- the records with tokens > 0, and the output tokens (COALESCE 0), each apportioned over local days by time share.
-- Canonical trigger functions: prisma/rollups/usage_rollup_daily.sql and prisma/rollups/usage_rollup_monthly.sql
-- (only the two statement builders change; triggers are unchanged). NUMERIC like every rollup sum.

ALTER TABLE "usage_rollup_daily"
  ADD COLUMN "token_facility_energy_kwh" NUMERIC NOT NULL DEFAULT 0,
  ADD COLUMN "token_market_kg_co2e" NUMERIC NOT NULL DEFAULT 0,
  ADD COLUMN "token_water_l" NUMERIC NOT NULL DEFAULT 0,
  ADD COLUMN "output_tokens" NUMERIC NOT NULL DEFAULT 0;
ALTER TABLE "usage_rollup_monthly"
  ADD COLUMN "token_facility_energy_kwh" NUMERIC NOT NULL DEFAULT 0,
  ADD COLUMN "token_market_kg_co2e" NUMERIC NOT NULL DEFAULT 0,
  ADD COLUMN "token_water_l" NUMERIC NOT NULL DEFAULT 0,
  ADD COLUMN "output_tokens" NUMERIC NOT NULL DEFAULT 0;

-- The daily upsert, with the four quantities after ai_service (only change).
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

-- The monthly apply, with the four quantities after ai_service (only change).
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

-- Existing rows: every record-day already has its daily row (the rollups are exact), so only the new columns need
-- filling. Per batch of 50,000 records that carry tokens or output tokens (keyset on id), one upsert adds each
-- record-day's amounts (the same NUMERIC deltas the trigger computes) to the new columns of its row, in key order;
-- the monthly triggers on usage_rollup_daily follow in the same statement (UPDATE: old columns cancel, daily_rows
-- unchanged). A progress line per batch (scripts/db/migrate.ts prints notices that start with 'progress: ').
DO $$
DECLARE
  total BIGINT;
  done BIGINT := 0;
  n BIGINT;
  last_id UUID := '00000000-0000-0000-0000-000000000000';
BEGIN
  SELECT count(*) INTO total FROM usage_record WHERE tokens > 0 OR output_tokens <> 0;
  CREATE TEMP TABLE rollup_token_batch (id UUID PRIMARY KEY) ON COMMIT DROP;
  LOOP
    TRUNCATE rollup_token_batch;
    INSERT INTO rollup_token_batch
    SELECT r.id FROM usage_record r
     WHERE (r.tokens > 0 OR r.output_tokens <> 0) AND r.id > last_id ORDER BY r.id LIMIT 50000;
    GET DIAGNOSTICS n = ROW_COUNT;
    EXIT WHEN n = 0;
    INSERT INTO usage_rollup_daily AS u (org_id, day, phase, team_id, project_id, model, region, provider, accelerator, grid_zone, is_measured, ai_service,
           token_facility_energy_kwh, token_market_kg_co2e, token_water_l, output_tokens)
    SELECT x.org_id, d.day, x.phase, x.team_id, x.project_id, x.model, x.region, x.provider, x.accelerator,
           x.grid_zone, x.is_measured, x.ai_service,
           COALESCE(SUM((x.facility_energy_kwh * d.share)::numeric) FILTER (WHERE x.tokens > 0), 0),
           COALESCE(SUM((x.market_kg_co2e * d.share)::numeric) FILTER (WHERE x.tokens > 0), 0),
           COALESCE(SUM(((x.water_onsite_l + x.water_offsite_l) * d.share)::numeric) FILTER (WHERE x.tokens > 0), 0),
           SUM((COALESCE(x.output_tokens, 0) * d.share)::numeric)
      FROM usage_record x
      JOIN rollup_token_batch b ON b.id = x.id
      JOIN organization o ON o.id = x.org_id
     CROSS JOIN LATERAL usage_rollup_days(x.started_at, x.ended_at, o.time_zone) d
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
     ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    ON CONFLICT (org_id, day, phase, team_id, project_id, model, region, provider, accelerator, grid_zone, is_measured, ai_service)
    DO UPDATE SET
      token_facility_energy_kwh = u.token_facility_energy_kwh + EXCLUDED.token_facility_energy_kwh,
      token_market_kg_co2e = u.token_market_kg_co2e + EXCLUDED.token_market_kg_co2e,
      token_water_l = u.token_water_l + EXCLUDED.token_water_l,
      output_tokens = u.output_tokens + EXCLUDED.output_tokens;
    SELECT b.id INTO last_id FROM rollup_token_batch b ORDER BY b.id DESC LIMIT 1;
    done := done + n;
    RAISE NOTICE 'progress: rollup token quantities: % of % records with tokens', done, total;
  END LOOP;
END
$$;
