-- CreateTable
CREATE TABLE "codecarbon_experiment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "project_id" UUID,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "country_name" TEXT,
    "country_iso_code" TEXT,
    "region" TEXT,
    "on_cloud" BOOLEAN NOT NULL DEFAULT false,
    "cloud_provider" TEXT,
    "cloud_region" TEXT,
    "pue" DOUBLE PRECISION,
    "wue_l_per_kwh" DOUBLE PRECISION,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "codecarbon_experiment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_rate_limit" (
    "bucket_key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "api_rate_limit_pkey" PRIMARY KEY ("bucket_key","window_start")
);

-- CreateIndex
CREATE INDEX "codecarbon_experiment_org_id_project_id_idx" ON "codecarbon_experiment"("org_id", "project_id");

-- CreateIndex
CREATE INDEX "api_rate_limit_window_start_idx" ON "api_rate_limit"("window_start");

-- AddForeignKey
ALTER TABLE "codecarbon_experiment" ADD CONSTRAINT "codecarbon_experiment_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "codecarbon_experiment" ADD CONSTRAINT "codecarbon_experiment_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE CASCADE;
