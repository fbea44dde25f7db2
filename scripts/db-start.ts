import { resolveDatabase } from './db/resolve-database';

// npm run db:start — runs the embedded Postgres in the foreground until Ctrl-C (for psql, GUI clients or
// scripts/draft-migration-sql.sh). With DATABASE_URL set there is nothing to start.
if (process.env.DATABASE_URL) {
  console.log('DATABASE_URL is set: nothing to start.');
  process.exit(0);
}
const db = await resolveDatabase(console.log);
console.log(`Embedded Postgres is running: ${db.url}\nPress Ctrl-C to stop it.`);
const stop = async () => {
  await db.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
