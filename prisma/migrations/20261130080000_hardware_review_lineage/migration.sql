-- Owned hardware (Scope 3 Cat 2), four-eyes report review, model lineage (issues #5, #6; docs/REPORTS.md).
ALTER TABLE "report_version" ADD COLUMN "reviewed_by_id" TEXT,
ADD COLUMN "reviewed_at" TIMESTAMPTZ(3);

CREATE TABLE "hardware_asset" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "hardware_type" TEXT NOT NULL,
    "accelerator_id" TEXT,
    "unit_count" INTEGER NOT NULL,
    "purchased_on" TIMESTAMPTZ(3) NOT NULL,
    "embodied_kg_co2e_per_unit" DOUBLE PRECISION NOT NULL,
    "embodied_source" TEXT NOT NULL,
    "expected_lifetime_years" DOUBLE PRECISION NOT NULL,
    "location" TEXT,
    "retired_on" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hardware_asset_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "hardware_asset_org_id_purchased_on_idx" ON "hardware_asset"("org_id", "purchased_on");

ALTER TABLE "hardware_asset" ADD CONSTRAINT "hardware_asset_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "model_lineage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "model" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "base_model" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "model_lineage_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "model_lineage_org_id_model_key" ON "model_lineage"("org_id", "model");

ALTER TABLE "model_lineage" ADD CONSTRAINT "model_lineage_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
