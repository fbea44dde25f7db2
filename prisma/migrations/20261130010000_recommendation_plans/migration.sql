-- Planned Green-AI recommendations (issue #8, docs/INSIGHTS.md).
CREATE TYPE "RecommendationPlanStatus" AS ENUM ('proposed', 'planned', 'in_progress', 'done', 'dismissed');

CREATE TABLE "recommendation_plan" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "recommendation_key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "scope" JSONB NOT NULL,
    "estimated_annual_kg_co2e" DOUBLE PRECISION NOT NULL,
    "owner_user_id" TEXT,
    "status" "RecommendationPlanStatus" NOT NULL,
    "due_date" DATE,
    "completed_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recommendation_plan_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "recommendation_plan_org_id_recommendation_key_key" ON "recommendation_plan"("org_id", "recommendation_key");

ALTER TABLE "recommendation_plan" ADD CONSTRAINT "recommendation_plan_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
