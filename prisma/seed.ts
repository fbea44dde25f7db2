import { getPrisma } from '@/lib/server/db/prisma';
import { prepareDatabase } from '../scripts/db/prepare-database';
import { resolveDatabase } from '../scripts/db/resolve-database';

// npm run db:seed — migrates, loads the bundled factor library, and creates the demo organisation if missing.
// Deterministic: the demo data is generated from a fixed seed and end date (lib/server/demo/demo-seed.ts).
const db = await resolveDatabase(console.log);
process.env.DATABASE_URL = db.url;
try {
  await prepareDatabase({
    seed: 'always',
    refreshFactors: process.argv.includes('--refresh-factors'),
    log: console.log,
  });
} finally {
  await getPrisma().$disconnect();
  await db.stop();
}
