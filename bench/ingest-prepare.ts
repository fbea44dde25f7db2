// Child process of bench/ingest.ts: migrates DATABASE_URL and loads the bundled factor library into it, so the
// benchmark process itself never holds the bundled library (its peak RSS is then the ingest's own).

import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { migrateDatabase } from '../scripts/db/migrate';

const url = process.env.DATABASE_URL as string;
await migrateDatabase(url);
await replaceBundledFactorLibrary(loadBundledFactorLibrary(), url);
