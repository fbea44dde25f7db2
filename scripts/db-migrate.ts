import { migrateDatabase } from './db/migrate';
import { resolveDatabase } from './db/resolve-database';

// npm run db:migrate — applies prisma/migrations/*/migration.sql to DATABASE_URL or the embedded database.
const db = await resolveDatabase(console.log);
try {
  const applied = await migrateDatabase(db.url);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
      : 'Database is up to date.',
  );
} finally {
  await db.stop();
}
