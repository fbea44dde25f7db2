import { ensureEnvironment } from '@/lib/env';
import { runNextWithDatabase } from './db/run-next';

ensureEnvironment('launcher');

// npm run dev — the whole app on one command: the embedded Postgres (unless DATABASE_URL is set), migrations,
// the factor library and the demo organisation on first start, then `next dev` on http://localhost:3000.
// Ctrl-C stops Next.js, then the database, cleanly; the next start reuses the data in .data/postgres.
await runNextWithDatabase({
  command: 'dev',
  port: Number(process.env.PORT ?? 3000),
  seed: 'if-empty',
  extraArgs: process.argv.slice(2),
});
