import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS_DIR } from './db/migrate';

// npm run db:new -- <name> — creates prisma/migrations/<UTC yyyymmddhhmmss>_<name>/migration.sql.
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:new -- <snake_case_name>');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), `-- ${name}\n`);
console.log(
  `Created ${path.relative(process.cwd(), dir)}/migration.sql (see docs/DECISIONS.md: drafting migrations)`,
);
