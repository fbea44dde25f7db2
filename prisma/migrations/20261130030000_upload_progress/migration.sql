-- Ingest (issue #4): live upload progress and cancellation. Additive only.

-- AlterTable
ALTER TABLE "upload" ADD COLUMN "progress" JSONB,
ADD COLUMN "cancel_requested" BOOLEAN NOT NULL DEFAULT false;
