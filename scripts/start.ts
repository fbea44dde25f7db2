import { ensureEnvironment } from '@/lib/env';
import { runNextWithDatabase } from './db/run-next';

ensureEnvironment('launcher');

// npm start — the production build (`npm run build` first) on DATABASE_URL or the embedded Postgres.
// Migrations are applied; the demo organisation is seeded only into an empty database when SEED_DEMO=1.
await runNextWithDatabase({
  command: 'start',
  port: Number(process.env.PORT ?? 3000),
  seed: process.env.SEED_DEMO === '1' ? 'if-empty' : 'never',
});
