-- Targets, budgets, budget alerts and the alert webhook (issue #8 part 3, docs/TARGETS.md).

-- CreateTable
CREATE TABLE "carbon_target" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "team_id" UUID,
    "name" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "period_kind" TEXT NOT NULL,
    "base_year" INTEGER NOT NULL,
    "base_value" DOUBLE PRECISION NOT NULL,
    "base_value_source" TEXT NOT NULL,
    "base_record_count" INTEGER,
    "target_year" INTEGER NOT NULL,
    "target_value" DOUBLE PRECISION NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "carbon_target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "carbon_budget" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "period_kind" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "amount_kg_co2e" DOUBLE PRECISION NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "carbon_budget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_alert" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "budget_id" UUID NOT NULL,
    "threshold_pct" INTEGER NOT NULL,
    "period_key" TEXT NOT NULL,
    "actual_kg_co2e" DOUBLE PRECISION NOT NULL,
    "budget_kg_co2e" DOUBLE PRECISION NOT NULL,
    "record_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_alert_dismissal" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_alert_dismissal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_webhook" (
    "org_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_webhook_pkey" PRIMARY KEY ("org_id")
);

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "http_status" INTEGER,
    "error" TEXT,
    "duration_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "carbon_target_org_id_idx" ON "carbon_target"("org_id");

-- CreateIndex
CREATE UNIQUE INDEX "carbon_budget_org_id_team_id_period_kind_basis_key" ON "carbon_budget"("org_id", "team_id", "period_kind", "basis");

-- CreateIndex
CREATE UNIQUE INDEX "budget_alert_org_id_budget_id_threshold_pct_period_key_key" ON "budget_alert"("org_id", "budget_id", "threshold_pct", "period_key");

-- CreateIndex
CREATE UNIQUE INDEX "budget_alert_dismissal_alert_id_user_id_key" ON "budget_alert_dismissal"("alert_id", "user_id");

-- CreateIndex
CREATE INDEX "webhook_delivery_org_id_created_at_idx" ON "webhook_delivery"("org_id", "created_at");

-- AddForeignKey
ALTER TABLE "carbon_target" ADD CONSTRAINT "carbon_target_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "carbon_target" ADD CONSTRAINT "carbon_target_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "carbon_budget" ADD CONSTRAINT "carbon_budget_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "carbon_budget" ADD CONSTRAINT "carbon_budget_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_alert" ADD CONSTRAINT "budget_alert_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_alert" ADD CONSTRAINT "budget_alert_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "carbon_budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_alert_dismissal" ADD CONSTRAINT "budget_alert_dismissal_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "budget_alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_webhook" ADD CONSTRAINT "alert_webhook_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "budget_alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;
