-- Ingest (issue #4): upload summary totals and per-organisation column mapping presets. Additive only.

-- AlterTable
ALTER TABLE "upload" ADD COLUMN "summary" JSONB;

-- CreateTable
CREATE TABLE "column_mapping_preset" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "column_mapping_preset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "column_mapping_preset_org_id_name_key" ON "column_mapping_preset"("org_id", "name");

-- AddForeignKey
ALTER TABLE "column_mapping_preset" ADD CONSTRAINT "column_mapping_preset_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
