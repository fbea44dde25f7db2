import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoSourceFiles } from './repo-files';

// docs/DECISIONS.md "One database stack" (issue #18): SQL that Prisma's client cannot express is written ONE way,
// `sql`…`` from lib/server/db/sql.ts run by `queryRows<TRow>` / `executeSql` (or `queryArrayRows`). Prisma's
// raw API, its `Prisma.sql` fragments and direct `.query(…)` calls on a pg client, pool or runner are the second
// and third styles this check keeps from coming back. Only lib/server/db implements the runners.

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Where the raw styles are implemented: the runners and the `sql` helpers themselves. */
const DB_FOLDER = 'lib/server/db/';

const ALLOWED: string[] = [];

/** Prisma's raw API and fragments: nowhere outside lib/server/db (app, lib, scripts, bench, the seed). */
const PRISMA_RAW =
  /\$(queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe)\b|\bPrisma\.(sql|join|raw|empty)\b/;
/** A direct query on a pg client, pool or runner: nowhere in app or lib outside lib/server/db. */
const DIRECT_QUERY = /\.\s*query\s*(<[^>]*>)?\s*\(/;

const sourceFiles = repoSourceFiles;

const isAllowed = (file: string) =>
  file.startsWith(DB_FOLDER) || ALLOWED.some((entry) => file === entry || file.startsWith(entry));

const offenders = (files: string[], pattern: RegExp) =>
  files.filter((file) => !isAllowed(file) && pattern.test(readFileSync(path.join(ROOT, file), 'utf8')));

describe('raw SQL has one shape', () => {
  it('no $queryRaw/$executeRaw (Unsafe) or Prisma.sql/join/raw/empty outside lib/server/db', () => {
    const files = [...['app', 'lib', 'scripts', 'bench'].flatMap(sourceFiles), 'prisma/seed.ts'];
    expect(offenders(files, PRISMA_RAW)).toEqual([]);
  });

  it('no direct client.query / pool.query / runner.query in app or lib outside lib/server/db', () => {
    const files = ['app', 'lib'].flatMap(sourceFiles);
    expect(offenders(files, DIRECT_QUERY)).toEqual([]);
  });

  it('the patterns catch what they are meant to (and not the sql helpers)', () => {
    for (const line of [
      'await getPrisma().$queryRaw`SELECT 1`',
      'await tx.$executeRawUnsafe(text)',
      'const where = Prisma.sql`r.org_id = x`',
      'Prisma.join(clauses, " AND ")',
    ]) {
      expect(PRISMA_RAW.test(line), line).toBe(true);
    }
    for (const line of [
      'await client.query("SELECT 1")',
      'await getPgPool().query<{ fp: string }>(text, [orgId])',
      'await pgRunner().query<TRow>(text, params)',
    ]) {
      expect(DIRECT_QUERY.test(line), line).toBe(true);
    }
    for (const line of ['await queryRows<TRow>(db, sql`SELECT 1`)', 'await executeSql(tx, sql`SELECT 1`)']) {
      expect(PRISMA_RAW.test(line) || DIRECT_QUERY.test(line), line).toBe(false);
    }
  });

  it('every allow-list entry still exists (remove an entry once its files are converted)', () => {
    const missing = ALLOWED.filter((entry) => !existsSync(path.join(ROOT, entry)));
    expect(missing).toEqual([]);
  });
});
