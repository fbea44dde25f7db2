-- The report's AI reads (section 5 "By AI service" and the per-model token intensity, issue #21) come from
-- usage_record, since the rollups keep one token count and no input/output split. Their range predicate is
-- `started_at < period end`, so without this index they scan every record of the organisation before the period's
-- end (≈ 0.5 s at 1M records, linear above). Partial: only records that name an AI service, a small share of most
-- organisations' records. See docs/decisions/ai-services.md.
CREATE INDEX "usage_record_ai_started_at_idx" ON "usage_record"("org_id", "started_at", "ai_service")
  WHERE "ai_service" IS NOT NULL;
