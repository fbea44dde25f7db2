import { E2E_NOW } from '../e2e/support/e2e-today';
import { dataPath } from './db/data-root';
import { runNextWithDatabase } from './db/run-next';

// Playwright's web server: a fresh embedded Postgres (wiped at every start, so runs are repeatable), migrated and
// seeded with the demo organisation, serving the production build (`next build` first) on 127.0.0.1:3100.
// With E2E_DATABASE_URL set, that (disposable!) database is used instead of the embedded one.
const port = Number(process.env.E2E_PORT ?? 3100);
// The app's "today" for period presets (e2e/support/e2e-today.ts).
process.env.AIF_FIXED_NOW = E2E_NOW;
process.env.BETTER_AUTH_URL = `http://127.0.0.1:${port}`;
if (process.env.E2E_DATABASE_URL) {
  process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
} else {
  delete process.env.DATABASE_URL;
}
await runNextWithDatabase({
  command: 'start',
  port,
  seed: 'if-empty',
  ...(process.env.E2E_DATABASE_URL
    ? {}
    : {
        freshEmbedded: { dataDir: dataPath('e2e-postgres'), port: Number(process.env.E2E_PG_PORT ?? 54331) },
      }),
  extraArgs: ['--hostname', '127.0.0.1'],
});
