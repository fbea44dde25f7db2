-- Cloud instance type inputs (issue #19, generic template v1.1): the row's instance type and its instance count
-- or instance-hours, kept so a recomputation rebuilds the same engine input. Nullable: rows before v1.1 have none.
ALTER TABLE "usage_record" ADD COLUMN "instance_type" TEXT,
ADD COLUMN "instance_count" INTEGER,
ADD COLUMN "instance_hours" DOUBLE PRECISION;
