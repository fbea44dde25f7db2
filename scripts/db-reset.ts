import pg from 'pg';
import { getPrisma } from '@/lib/server/db/prisma';
import { prepareDatabase } from './db/prepare-database';
import { resolveDatabase } from './db/resolve-database';

// npm run db:reset — drops every table of the database, migrates and seeds again. Local and test databases only:
// it refuses to run against a DATABASE_URL unless ALLOW_DB_RESET=1.
if (process.env.DATABASE_URL && process.env.ALLOW_DB_RESET !== '1') {
  console.error(
    'Refusing to reset the database at DATABASE_URL. Set ALLOW_DB_RESET=1 if you really mean it.',
  );
  process.exit(2);
}
const db = await resolveDatabase(console.log);
process.env.DATABASE_URL = db.url;
try {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
  console.log('Dropped all tables.');
  await prepareDatabase({ seed: 'always', log: console.log });
} finally {
  await getPrisma().$disconnect();
  await db.stop();
}
