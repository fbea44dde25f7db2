-- Exact rollup sums (issue #17 item 5, docs/decisions/reliability.md "Rollup sums are NUMERIC"). The additive
-- columns of usage_rollup_daily and usage_rollup_monthly were DOUBLE PRECISION running sums: adding 1 kWh next to
-- 1e17 kWh and deleting the large record again left 0 (the small value was rounded away), so the rollup check
-- (lib/data/rollup-check.ts) failed. NUMERIC addition and subtraction are exact, so a running sum returns
-- exactly to the sum of the records still there, for any order of inserts, updates and deletes.
-- The per-record delta is still computed in float8 (value × day share, as before) and then cast to NUMERIC
-- (15 significant digits, deterministic): the delete of a record subtracts exactly what its insert added, and
-- several records of one statement are summed in NUMERIC, not float8. Readers cast to float8 (`::float8`, or
-- multiply by the float8 weight `w`), so their results keep their types.

DO $$
DECLARE
  t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['usage_rollup_daily', 'usage_rollup_monthly'] LOOP
    EXECUTE format('ALTER TABLE %I %s', t, (
      SELECT string_agg(format('ALTER COLUMN %I TYPE NUMERIC', c), ', ')
        FROM unnest(ARRAY['record_share', 'device_hours', 'it_energy_kwh', 'facility_energy_kwh', 'location_kg_co2e',
                          'market_kg_co2e', 'market_matched_kwh', 'embodied_kg_co2e', 'water_onsite_l', 'water_offsite_l',
                          'uncertainty_low_kg_co2e', 'uncertainty_high_kg_co2e', 'requests', 'tokens',
                          'request_location_kg_co2e', 'request_embodied_kg_co2e', 'token_location_kg_co2e',
                          'token_embodied_kg_co2e']) AS c));
  END LOOP;
END
$$;

-- The daily upsert: each record-day delta is cast to NUMERIC before it is summed (only change).
CREATE OR REPLACE FUNCTION usage_rollup_upsert_sql(src TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    WITH up AS (
      INSERT INTO usage_rollup_daily AS u (org_id, day, phase, team_id, project_id, model, region, provider,
             accelerator, grid_zone, is_measured, record_starts, record_carry_in, record_share, device_hours, it_energy_kwh,
             facility_energy_kwh, location_kg_co2e, market_kg_co2e, market_matched_kwh, embodied_kg_co2e,
             water_onsite_l, water_offsite_l, uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, requests, tokens,
             request_location_kg_co2e, request_embodied_kg_co2e, token_location_kg_co2e, token_embodied_kg_co2e)
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
             COALESCE(SUM((r.sign * r.embodied_kg_co2e * r.share)::numeric) FILTER (WHERE r.tokens > 0), 0)
        FROM (SELECT x.sign, x.org_id, x.phase, x.team_id, x.project_id, x.model, x.region, x.provider,
                     x.accelerator, x.grid_zone, x.is_measured, x.requests, x.tokens, x.device_hours,
                     x.it_energy_kwh, x.facility_energy_kwh, x.location_kg_co2e, x.market_kg_co2e,
                     x.market_matched_kwh, x.embodied_kg_co2e, x.water_onsite_l, x.water_offsite_l,
                     x.uncertainty_low_kg_co2e, x.uncertainty_high_kg_co2e, d.day, d.share, d.is_start
                FROM (%s) x
                JOIN organization o ON o.id = x.org_id
                CROSS JOIN LATERAL usage_rollup_days(x.started_at, x.ended_at, o.time_zone) d
              OFFSET 0) r
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
       ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
      ON CONFLICT (org_id, day, phase, team_id, project_id, model, region, provider, accelerator, grid_zone, is_measured)
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
        token_embodied_kg_co2e = u.token_embodied_kg_co2e + EXCLUDED.token_embodied_kg_co2e
      RETURNING u.id, u.record_starts + u.record_carry_in AS contributions
    )
    SELECT COALESCE(array_agg(id) FILTER (WHERE contributions = 0), '{}') FROM up$q$, src)
$f$;
