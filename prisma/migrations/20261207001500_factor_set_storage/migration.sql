-- Lean record storage (issue #20, docs/decisions/ingest-perf.md §12–15).
-- 1. Provenance is stored once per distinct set: `factor_set` holds the factor references (ids, kinds, values,
--    units, sources, dataset versions, bases), the methodology version and the assumption flags that the engine
--    produced together; each record points at its set with `factor_set_id`. What is per record stays on the
--    record: its market-based allocations (`market_allocations`, NULL when it has none).
--    Sets are per organisation (deleted with it, backed up with it, never shared across tenants) and keyed by a
--    SHA-256 of their canonical jsonb text (`factor_set_hash`), so the same set is stored once per organisation
--    whichever writer (upload, API, recompute, seed) produced it. No foreign key from usage_record: a set is never
--    deleted except with its organisation, which deletes the records too, and a per-row key check would cost the
--    bulk insert a lookup and a row lock per record.
-- 2. `content_hash` becomes the 32 raw bytes of the SHA-256 (was 64 hex characters); `created_at` and
--    `updated_at` go: nothing reads them, every writer sets `computed_at` with the results, and the upload's own
--    `created_at` says when its records arrived.
-- 3. The (org_id, phase, started_at) index keeps only the runs it is read for: dashboards and reports read the
--    rollups, the record list, export and API filter by organisation and time ((org_id, started_at)) with phase as
--    a filter; the one reader left is the top-emitter run scan (training and fine-tuning records per start day,
--    lib/server/dashboard/dashboard-breakdowns.ts), so the index becomes partial over those two phases. Same name
--    and columns (Prisma cannot declare the predicate; the drift test compares columns).
-- 4. New record ids are time-ordered (uuidv7(), PostgreSQL 18) where the server has it, for index locality.

CREATE TABLE "factor_set" (
    "id" BIGSERIAL NOT NULL,
    "org_id" UUID NOT NULL,
    "hash" BYTEA NOT NULL,
    "factors" JSONB NOT NULL,
    "methodology_version" TEXT NOT NULL,
    "assumption_flags" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "factor_set_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "factor_set_org_id_hash_key" ON "factor_set"("org_id", "hash");

ALTER TABLE "factor_set" ADD CONSTRAINT "factor_set_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The content key of a set: SHA-256 of the canonical jsonb text of [factors, methodology version, flags]
-- (jsonb prints keys sorted and numbers canonically, so equal content always gives the same bytes).
CREATE FUNCTION factor_set_hash(factors JSONB, methodology_version TEXT, assumption_flags TEXT[])
RETURNS BYTEA LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT sha256(convert_to(jsonb_build_array(factors, methodology_version, to_jsonb(COALESCE(assumption_flags, '{}'::text[])))::text, 'UTF8'))
$$;

ALTER TABLE "usage_record" ADD COLUMN "factor_set_id" BIGINT,
ADD COLUMN "market_allocations" JSONB;

-- Convert existing records in batches of 50,000 (keyset on id), printing a progress line per batch
-- (scripts/db/migrate.ts prints notices that start with 'progress: '). The conversion changes no rolled-up value, so the rollup, quality,
-- run-bound and data-version triggers are off while it runs (this transaction only sees it).
ALTER TABLE "usage_record" DISABLE TRIGGER USER;

DO $$
DECLARE
  total BIGINT;
  done BIGINT := 0;
  n BIGINT;
  last_id UUID := '00000000-0000-0000-0000-000000000000';
BEGIN
  SELECT count(*) INTO total FROM usage_record;
  CREATE TEMP TABLE factor_set_batch (
    id UUID PRIMARY KEY, org_id UUID, hash BYTEA, factors JSONB, methodology_version TEXT,
    assumption_flags TEXT[], market_allocations JSONB
  ) ON COMMIT DROP;
  LOOP
    TRUNCATE factor_set_batch;
    INSERT INTO factor_set_batch
    SELECT r.id, r.org_id, factor_set_hash(f.factors, r.methodology_version, r.assumption_flags), f.factors,
           r.methodology_version, r.assumption_flags,
           NULLIF(usage_quality_array(r.factor_refs->'marketAllocations'), '[]'::jsonb)
      FROM usage_record r
      CROSS JOIN LATERAL (SELECT usage_quality_array(r.factor_refs->'factors') AS factors) f
     WHERE r.id > last_id
     ORDER BY r.id
     LIMIT 50000;
    GET DIAGNOSTICS n = ROW_COUNT;
    EXIT WHEN n = 0;
    INSERT INTO factor_set (org_id, hash, factors, methodology_version, assumption_flags)
    SELECT DISTINCT ON (b.org_id, b.hash) b.org_id, b.hash, b.factors, b.methodology_version, b.assumption_flags
      FROM factor_set_batch b
     ORDER BY b.org_id, b.hash
    ON CONFLICT ("org_id", "hash") DO NOTHING;
    UPDATE usage_record r
       SET factor_set_id = s.id, market_allocations = b.market_allocations
      FROM factor_set_batch b
      JOIN factor_set s ON s.org_id = b.org_id AND s.hash = b.hash
     WHERE r.id = b.id;
    SELECT b.id INTO last_id FROM factor_set_batch b ORDER BY b.id DESC LIMIT 1;
    done := done + n;
    RAISE NOTICE 'progress: factor_set conversion: % of % records', done, total;
  END LOOP;
END
$$;

ALTER TABLE "usage_record" ALTER COLUMN "factor_set_id" SET NOT NULL;

ALTER TABLE "usage_record" DROP COLUMN "factor_refs",
DROP COLUMN "methodology_version",
DROP COLUMN "assumption_flags",
DROP COLUMN "created_at",
DROP COLUMN "updated_at";

-- Rewrites the table (the type changes), which also drops the space of the removed columns and of the
-- converted rows' old versions.
ALTER TABLE "usage_record" ALTER COLUMN "content_hash" SET DATA TYPE BYTEA USING decode("content_hash", 'hex');

ALTER TABLE "usage_record" ENABLE TRIGGER USER;

DROP INDEX "usage_record_org_id_phase_started_at_idx";
CREATE INDEX "usage_record_org_id_phase_started_at_idx" ON "usage_record"("org_id", "phase", "started_at")
  WHERE "phase" IN ('training', 'fine_tuning');

DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 180000 THEN
    ALTER TABLE "usage_record" ALTER COLUMN "id" SET DEFAULT uuidv7();
  END IF;
END
$$;

-- The quality rollup reads provenance through the set: record-days are grouped per set and market allocation
-- (instead of per provenance document), then each group's set is joined once.
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
