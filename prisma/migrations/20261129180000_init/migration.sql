-- CreateEnum
CREATE TYPE "Role" AS ENUM ('owner', 'admin', 'editor', 'viewer', 'auditor');

-- CreateEnum
CREATE TYPE "Phase" AS ENUM ('training', 'fine_tuning', 'inference', 'evaluation', 'data_processing', 'other');

-- CreateEnum
CREATE TYPE "Provider" AS ENUM ('aws', 'gcp', 'azure', 'oci', 'on_prem', 'edge', 'other');

-- CreateEnum
CREATE TYPE "FactorGranularity" AS ENUM ('yearly', 'monthly', 'hourly');

-- CreateEnum
CREATE TYPE "FactorBasis" AS ENUM ('direct', 'lifecycle');

-- CreateEnum
CREATE TYPE "FactorKind" AS ENUM ('grid_location', 'residual_mix');

-- CreateEnum
CREATE TYPE "UploadFormat" AS ENUM ('generic', 'codecarbon', 'nvidia_smi', 'mapped');

-- CreateEnum
CREATE TYPE "UploadStatus" AS ENUM ('processing', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "ContractInstrument" AS ENUM ('REC', 'GO', 'PPA', 'GREEN_TARIFF', 'SUPPLIER_RATE');

-- CreateTable
CREATE TABLE "organization" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "default_basis" "FactorBasis" NOT NULL DEFAULT 'lifecycle',
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "carbon_price_per_tonne_co2e" DOUBLE PRECISION,
    "embodied_lifetime_years" DOUBLE PRECISION NOT NULL DEFAULT 4,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "token" TEXT NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "team_id" UUID,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accelerator" (
    "id" TEXT NOT NULL,
    "org_id" UUID,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "tdp_w" DOUBLE PRECISION NOT NULL,
    "idle_w" DOUBLE PRECISION,
    "memory_gb" DOUBLE PRECISION,
    "embodied_kg_co2e" DOUBLE PRECISION,
    "embodied_low_kg_co2e" DOUBLE PRECISION,
    "embodied_high_kg_co2e" DOUBLE PRECISION,
    "source" TEXT NOT NULL,
    "dataset_version" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accelerator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "location" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID,
    "provider" "Provider" NOT NULL,
    "region_code" TEXT NOT NULL,
    "grid_zone" TEXT NOT NULL,
    "country_code" TEXT,
    "pue" DOUBLE PRECISION,
    "wue_l_per_kwh" DOUBLE PRECISION,
    "source" TEXT NOT NULL,
    "dataset_version" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "emission_factor" (
    "id" TEXT NOT NULL,
    "org_id" UUID,
    "kind" "FactorKind" NOT NULL DEFAULT 'grid_location',
    "zone" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "granularity" "FactorGranularity" NOT NULL,
    "g_co2e_per_kwh" DOUBLE PRECISION NOT NULL,
    "basis" "FactorBasis" NOT NULL,
    "source" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "dataset_version" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "emission_factor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "water_factor" (
    "id" TEXT NOT NULL,
    "org_id" UUID,
    "zone" TEXT NOT NULL,
    "l_per_kwh" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,
    "dataset_version" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "water_factor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_default" (
    "provider" "Provider" NOT NULL,
    "pue" DOUBLE PRECISION,
    "pue_source" TEXT NOT NULL,
    "wue_l_per_kwh" DOUBLE PRECISION,
    "wue_source" TEXT NOT NULL,
    "dataset_version" TEXT NOT NULL,

    CONSTRAINT "provider_default_pkey" PRIMARY KEY ("provider")
);

-- CreateTable
CREATE TABLE "energy_contract" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "instrument_type" "ContractInstrument" NOT NULL,
    "market_zone" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "volume_mwh" DOUBLE PRECISION NOT NULL,
    "g_co2e_per_kwh" DOUBLE PRECISION NOT NULL,
    "supplier" TEXT,
    "reference" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "energy_contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "upload" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "uploaded_by_id" TEXT,
    "file_name" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "format" "UploadFormat" NOT NULL,
    "status" "UploadStatus" NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "rows_total" INTEGER NOT NULL DEFAULT 0,
    "rows_accepted" INTEGER NOT NULL DEFAULT 0,
    "rows_rejected" INTEGER NOT NULL DEFAULT 0,
    "error_report" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_record" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "phase" "Phase" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3) NOT NULL,
    "team_id" UUID,
    "project_id" UUID,
    "model" TEXT,
    "provider" "Provider",
    "region" TEXT,
    "accelerator" TEXT,
    "accelerator_count" INTEGER,
    "accelerator_hours" DOUBLE PRECISION,
    "accelerator_power_w" DOUBLE PRECISION,
    "utilization" DOUBLE PRECISION,
    "measured_energy_kwh" DOUBLE PRECISION,
    "energy_per_request_wh" DOUBLE PRECISION,
    "pue_override" DOUBLE PRECISION,
    "intensity_override_g_co2e_per_kwh" DOUBLE PRECISION,
    "wue_override_l_per_kwh" DOUBLE PRECISION,
    "requests" DOUBLE PRECISION,
    "tokens" DOUBLE PRECISION,
    "cost" DOUBLE PRECISION,
    "notes" TEXT,
    "upload_id" UUID,
    "upload_line" INTEGER,
    "source_data" JSONB,
    "grid_zone" TEXT,
    "country_code" TEXT,
    "accelerator_catalog_id" TEXT,
    "device_hours" DOUBLE PRECISION NOT NULL,
    "power_per_device_w" DOUBLE PRECISION,
    "it_energy_kwh" DOUBLE PRECISION NOT NULL,
    "facility_energy_kwh" DOUBLE PRECISION NOT NULL,
    "pue_applied" DOUBLE PRECISION NOT NULL,
    "intensity_g_co2e_per_kwh" DOUBLE PRECISION NOT NULL,
    "intensity_source" TEXT NOT NULL,
    "basis" "FactorBasis" NOT NULL,
    "location_kg_co2e" DOUBLE PRECISION NOT NULL,
    "market_kg_co2e" DOUBLE PRECISION NOT NULL,
    "market_matched_kwh" DOUBLE PRECISION NOT NULL,
    "embodied_kg_co2e" DOUBLE PRECISION NOT NULL,
    "water_onsite_l" DOUBLE PRECISION NOT NULL,
    "water_offsite_l" DOUBLE PRECISION NOT NULL,
    "uncertainty_low_kg_co2e" DOUBLE PRECISION NOT NULL,
    "uncertainty_high_kg_co2e" DOUBLE PRECISION NOT NULL,
    "is_measured" BOOLEAN NOT NULL,
    "methodology_version" TEXT NOT NULL,
    "factor_refs" JSONB NOT NULL,
    "assumption_flags" TEXT[],
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "usage_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "restatement_entry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "record_id" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "old_value" TEXT,
    "new_value" TEXT,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "restatement_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "actor_user_id" TEXT,
    "actor_token_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "metadata" JSONB,
    "content_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organization_slug_key" ON "organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "account_user_id_idx" ON "account"("user_id");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE INDEX "membership_user_id_idx" ON "membership"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "membership_org_id_user_id_key" ON "membership"("org_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "team_org_id_slug_key" ON "team"("org_id", "slug");

-- CreateIndex
CREATE INDEX "project_team_id_idx" ON "project"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "project_org_id_slug_key" ON "project"("org_id", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "accelerator_org_id_name_key" ON "accelerator"("org_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "location_org_id_provider_region_code_key" ON "location"("org_id", "provider", "region_code");

-- CreateIndex
CREATE INDEX "emission_factor_zone_granularity_period_start_idx" ON "emission_factor"("zone", "granularity", "period_start");

-- CreateIndex
CREATE UNIQUE INDEX "emission_factor_org_id_kind_zone_granularity_basis_period_s_key" ON "emission_factor"("org_id", "kind", "zone", "granularity", "basis", "period_start", "dataset_version");

-- CreateIndex
CREATE UNIQUE INDEX "water_factor_org_id_zone_dataset_version_key" ON "water_factor"("org_id", "zone", "dataset_version");

-- CreateIndex
CREATE UNIQUE INDEX "energy_contract_org_id_reference_key" ON "energy_contract"("org_id", "reference");

-- CreateIndex
CREATE INDEX "upload_org_id_created_at_idx" ON "upload"("org_id", "created_at");

-- CreateIndex
CREATE INDEX "upload_org_id_sha256_idx" ON "upload"("org_id", "sha256");

-- CreateIndex
CREATE INDEX "usage_record_org_id_started_at_idx" ON "usage_record"("org_id", "started_at");

-- CreateIndex
CREATE INDEX "usage_record_org_id_phase_started_at_idx" ON "usage_record"("org_id", "phase", "started_at");

-- CreateIndex
CREATE INDEX "usage_record_upload_id_idx" ON "usage_record"("upload_id");

-- CreateIndex
CREATE UNIQUE INDEX "usage_record_org_id_external_id_key" ON "usage_record"("org_id", "external_id");

-- CreateIndex
CREATE INDEX "restatement_entry_org_id_record_id_idx" ON "restatement_entry"("org_id", "record_id");

-- CreateIndex
CREATE INDEX "audit_event_org_id_created_at_idx" ON "audit_event"("org_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_org_id_name_key" ON "api_token"("org_id", "name");

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team" ADD CONSTRAINT "team_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accelerator" ADD CONSTRAINT "accelerator_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "location" ADD CONSTRAINT "location_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "emission_factor" ADD CONSTRAINT "emission_factor_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "water_factor" ADD CONSTRAINT "water_factor_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "energy_contract" ADD CONSTRAINT "energy_contract_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "upload" ADD CONSTRAINT "upload_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "upload" ADD CONSTRAINT "upload_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_record" ADD CONSTRAINT "usage_record_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_record" ADD CONSTRAINT "usage_record_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_record" ADD CONSTRAINT "usage_record_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_record" ADD CONSTRAINT "usage_record_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "upload"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restatement_entry" ADD CONSTRAINT "restatement_entry_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restatement_entry" ADD CONSTRAINT "restatement_entry_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "usage_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

