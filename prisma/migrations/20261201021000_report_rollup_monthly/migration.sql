-- Monthly report rollups (issue #9, docs/decisions/scale.md ADR 7): usage_rollup_daily summed per organisation ×
-- LOCAL month × the dimensions the quarterly report groups by (phase, team, model, region, provider, grid zone,
-- measured; not project or accelerator). The report's 15-month comparison window then reads ~30× fewer rows
-- than from the daily rollups (10M records: ~380k daily rows → ~13k monthly rows).
-- Maintained EXACTLY by statement-level triggers ON usage_rollup_daily (transition tables → signed deltas →
-- key-ordered upsert, rows with no contribution deleted), so every writer of usage_record (whose statement
-- trigger upserts the daily rows) and every daily rebuild (time-zone change, bulk load) flows through in the
-- same transaction; the usage_record triggers are unchanged.
-- Counts: record_starts = Σ daily starts; record_carry_first = carry-in of the month's first day, so records
-- touching months [m1, m2] = Σ record_starts + record_carry_first(m1), as the report counts them.

CREATE TABLE "report_rollup_monthly" (
    "id" BIGSERIAL NOT NULL,
    "org_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "phase" "Phase" NOT NULL,
    "team_id" UUID,
    "model" TEXT,
    "region" TEXT,
    "provider" "Provider",
    "grid_zone" TEXT,
    "is_measured" BOOLEAN NOT NULL,
    "record_starts" INTEGER NOT NULL DEFAULT 0,
    "record_carry_first" INTEGER NOT NULL DEFAULT 0,
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

    CONSTRAINT "report_rollup_monthly_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "report_rollup_monthly_key" ON "report_rollup_monthly"
    ("org_id", "month", "phase", "team_id", "model", "region", "provider", "grid_zone", "is_measured")
    NULLS NOT DISTINCT;

-- Upsert of signed deltas from `src` (rows shaped like usage_rollup_daily plus `sign`), in key order.
CREATE FUNCTION report_rollup_monthly_upsert_sql(src TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    WITH up AS (
      INSERT INTO report_rollup_monthly AS m (org_id, month, phase, team_id, model, region, provider, grid_zone, is_measured, record_starts, record_carry_first,
             record_share, device_hours, it_energy_kwh, facility_energy_kwh, location_kg_co2e, market_kg_co2e, market_matched_kwh, embodied_kg_co2e, water_onsite_l, water_offsite_l, uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, requests, tokens, request_location_kg_co2e, request_embodied_kg_co2e, token_location_kg_co2e, token_embodied_kg_co2e)
      SELECT d.org_id, date_trunc('month', d.day)::date, d.phase, d.team_id, d.model, d.region, d.provider,
             d.grid_zone, d.is_measured, SUM(d.sign * d.record_starts)::int,
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
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
       ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
      ON CONFLICT (org_id, month, phase, team_id, model, region, provider, grid_zone, is_measured) DO UPDATE SET
        record_starts = m.record_starts + EXCLUDED.record_starts,
        record_carry_first = m.record_carry_first + EXCLUDED.record_carry_first,
        record_share = m.record_share + EXCLUDED.record_share,
        device_hours = m.device_hours + EXCLUDED.device_hours,
        it_energy_kwh = m.it_energy_kwh + EXCLUDED.it_energy_kwh,
        facility_energy_kwh = m.facility_energy_kwh + EXCLUDED.facility_energy_kwh,
        location_kg_co2e = m.location_kg_co2e + EXCLUDED.location_kg_co2e,
        market_kg_co2e = m.market_kg_co2e + EXCLUDED.market_kg_co2e,
        market_matched_kwh = m.market_matched_kwh + EXCLUDED.market_matched_kwh,
        embodied_kg_co2e = m.embodied_kg_co2e + EXCLUDED.embodied_kg_co2e,
        water_onsite_l = m.water_onsite_l + EXCLUDED.water_onsite_l,
        water_offsite_l = m.water_offsite_l + EXCLUDED.water_offsite_l,
        uncertainty_low_kg_co2e = m.uncertainty_low_kg_co2e + EXCLUDED.uncertainty_low_kg_co2e,
        uncertainty_high_kg_co2e = m.uncertainty_high_kg_co2e + EXCLUDED.uncertainty_high_kg_co2e,
        requests = m.requests + EXCLUDED.requests,
        tokens = m.tokens + EXCLUDED.tokens,
        request_location_kg_co2e = m.request_location_kg_co2e + EXCLUDED.request_location_kg_co2e,
        request_embodied_kg_co2e = m.request_embodied_kg_co2e + EXCLUDED.request_embodied_kg_co2e,
        token_location_kg_co2e = m.token_location_kg_co2e + EXCLUDED.token_location_kg_co2e,
        token_embodied_kg_co2e = m.token_embodied_kg_co2e + EXCLUDED.token_embodied_kg_co2e
      RETURNING m.id, m.record_starts + m.record_carry_first AS contributions)
    SELECT COALESCE(array_agg(id) FILTER (WHERE contributions = 0), '{}') FROM up$q$, src)
$f$;

CREATE FUNCTION report_rollup_monthly_on_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
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
  EXECUTE report_rollup_monthly_upsert_sql(src) INTO dead;
  IF cardinality(dead) > 0 THEN
    DELETE FROM report_rollup_monthly WHERE id = ANY (dead);
  END IF;
  RETURN NULL;
END;
$$;

-- INSERT … ON CONFLICT DO UPDATE on the daily table fires both the INSERT trigger (inserted rows) and the UPDATE
-- trigger (updated rows, old and new), so each daily change is applied exactly once.
CREATE TRIGGER report_rollup_monthly_after_insert AFTER INSERT ON usage_rollup_daily
  REFERENCING NEW TABLE AS monthly_new FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_monthly_on_change();
CREATE TRIGGER report_rollup_monthly_after_update AFTER UPDATE ON usage_rollup_daily
  REFERENCING OLD TABLE AS monthly_old NEW TABLE AS monthly_new FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_monthly_on_change();
CREATE TRIGGER report_rollup_monthly_after_delete AFTER DELETE ON usage_rollup_daily
  REFERENCING OLD TABLE AS monthly_old FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_monthly_on_change();

-- Rebuilds one organisation's monthly rows from its daily rollups (repair; the daily rebuild already flows
-- through the triggers above).
CREATE FUNCTION report_rollup_monthly_rebuild(org UUID) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  dead BIGINT[];
BEGIN
  DELETE FROM report_rollup_monthly WHERE org_id = org;
  EXECUTE report_rollup_monthly_upsert_sql(
    format('SELECT 1 AS sign, d.* FROM usage_rollup_daily d WHERE d.org_id = %L', org)) INTO dead;
  IF cardinality(dead) > 0 THEN
    DELETE FROM report_rollup_monthly WHERE id = ANY (dead);
  END IF;
END;
$$;

-- Backfill existing organisations.
SELECT report_rollup_monthly_rebuild(id) FROM organization;
