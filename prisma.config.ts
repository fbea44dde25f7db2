import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma 7 configuration. The CLI is used only for `prisma generate` (migrations are SQL files applied by
// scripts/db-migrate.ts, because the schema engine cannot be downloaded here; see docs/DECISIONS.md).
export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:54329/ai_footprint' },
});
