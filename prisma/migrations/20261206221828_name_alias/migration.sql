-- name_alias (issue #19): an organisation's mapping of a name its files use (`A100 80G`, `paris-dc`) to a catalog
-- accelerator id or to a location (a cloud region, grid zone or country code, optionally with its provider). The
-- resolvers consult it after the catalog (docs/decisions/factors.md F9). One alias per organisation, kind and
-- normalised text.
CREATE TYPE "NameAliasKind" AS ENUM ('accelerator', 'region');

CREATE TABLE "name_alias" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "kind" "NameAliasKind" NOT NULL,
    "alias" TEXT NOT NULL,
    "alias_key" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "target_provider" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "name_alias_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "name_alias_org_id_kind_alias_key_key" ON "name_alias"("org_id", "kind", "alias_key");

ALTER TABLE "name_alias" ADD CONSTRAINT "name_alias_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
