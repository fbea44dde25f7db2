#!/usr/bin/env bash
# Drafts the SQL that turns schema A into schema B, offline (the Prisma 7 CLI cannot download its schema engine here).
# Uses prisma@6.19 with `engine: "js"` in a scratch folder. It needs some reachable Postgres for its adapter to
# connect to (nothing is read or written): by default the dev embedded database (start it with `npm run db:start`).
#   scripts/draft-migration-sql.sh <from.prisma|empty> <to.prisma> > prisma/migrations/<stamp>_<name>/migration.sql
# Review the output by hand; then run `npm run test:integration` (the drift test compares the result with schema.prisma).
set -euo pipefail
from="$1"; to="$2"
url="${DRAFT_DATABASE_URL:-postgresql://postgres:postgres@127.0.0.1:54329/postgres}"
work="${TMPDIR:-/tmp}/aif-prisma6"
mkdir -p "$work"
if [ ! -x "$work/node_modules/.bin/prisma" ]; then
  (cd "$work" && echo '{"name":"aif-prisma6","private":true}' > package.json && npm install --silent prisma@6.19 @prisma/adapter-pg@6.19 >&2)
fi
cat > "$work/prisma.config.ts" <<CFG
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
export default defineConfig({ engine: 'js', experimental: { adapter: true }, schema: 'to.prisma',
  adapter: async () => new PrismaPg({ connectionString: '$url' }) } as never);
CFG
with_url() { sed 's/provider = "postgresql"/provider = "postgresql"\n  url = env("DATABASE_URL")/' "$1"; }
if [ "$from" = "empty" ]; then
  printf 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n' > "$work/from.prisma"
else
  with_url "$from" > "$work/from.prisma"
fi
with_url "$to" > "$work/to.prisma"
touch "$work/no-query-engine.so.node"
cd "$work"
PRISMA_QUERY_ENGINE_LIBRARY="$work/no-query-engine.so.node" DATABASE_URL="$url" \
  npx prisma migrate diff --from-schema-datamodel from.prisma --to-schema-datamodel to.prisma --script
