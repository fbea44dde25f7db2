-- Frozen ESG report versions (issue #6, docs/REPORTS.md).
CREATE TYPE "ReportVersionStatus" AS ENUM ('draft', 'final', 'restated');

CREATE TABLE "report_version" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "ReportVersionStatus" NOT NULL,
    "content_json" TEXT NOT NULL,
    "content_sha256" TEXT NOT NULL,
    "changes" JSONB,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approved_by_id" TEXT,
    "approved_at" TIMESTAMPTZ(3),

    CONSTRAINT "report_version_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "report_version_org_id_period_version_key" ON "report_version"("org_id", "period", "version");

ALTER TABLE "report_version" ADD CONSTRAINT "report_version_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An approved version is immutable (assurance: approval and locking of a period).
CREATE FUNCTION "report_version_immutable_when_approved"() RETURNS trigger AS $$
BEGIN
  IF OLD."approved_at" IS NOT NULL THEN
    RAISE EXCEPTION 'report_version % is approved and immutable', OLD."id";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "report_version_immutable_when_approved"
  BEFORE UPDATE ON "report_version"
  FOR EACH ROW EXECUTE FUNCTION "report_version_immutable_when_approved"();
