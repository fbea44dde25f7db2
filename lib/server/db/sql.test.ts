import type pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { emptySql, executeSql, executeSqlCount, joinSql, queryRows, rawSql, sql } from './sql';
import type { TSqlRunner } from './sql-runner';

describe('sql', () => {
  it('binds every value as a parameter numbered in order of appearance', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const statement = sql`SELECT id FROM usage_record WHERE org_id = ${'org-1'}::uuid AND started_at >= ${from} LIMIT ${10}`;
    expect(statement.text).toBe(
      'SELECT id FROM usage_record WHERE org_id = $1::uuid AND started_at >= $2 LIMIT $3',
    );
    expect(statement.values).toEqual(['org-1', from, 10]);
  });

  it('splices nested fragments in place and renumbers their parameters', () => {
    const scope = sql`r.org_id = ${'org-1'}::uuid`;
    const range = sql`r.day >= ${'2026-01-01'}::date AND r.day < ${'2026-02-01'}::date`;
    const statement = sql`SELECT ${'x'} AS k FROM r WHERE ${scope} AND ${range} AND r.model = ${'m'}`;
    expect(statement.text).toBe(
      'SELECT $1 AS k FROM r WHERE r.org_id = $2::uuid AND r.day >= $3::date AND r.day < $4::date AND r.model = $5',
    );
    expect(statement.values).toEqual(['x', 'org-1', '2026-01-01', '2026-02-01', 'm']);
  });

  it('joins values into an IN list, one parameter each, and fragments with a separator', () => {
    const inList = sql`WHERE r.phase IN (${joinSql(['training', 'inference'])}) AND r.id > ${7}`;
    expect(inList.text).toBe('WHERE r.phase IN ($1,$2) AND r.id > $3');
    expect(inList.values).toEqual(['training', 'inference', 7]);

    const where = joinSql([sql`a = ${1}`, sql`b = ${2}`, sql`c IS NULL`], ' AND ');
    expect(sql`SELECT 1 WHERE ${where}`.text).toBe('SELECT 1 WHERE a = $1 AND b = $2 AND c IS NULL');
  });

  it('binds a JavaScript array as ONE array parameter (for = ANY(…))', () => {
    const slugs = ['team-a', 'team-b', 'team-c'];
    const statement = sql`t.slug = ANY(${slugs}::text[])`;
    expect(statement.text).toBe('t.slug = ANY($1::text[])');
    expect(statement.values).toEqual([slugs]);
  });

  it('never puts a value into the SQL text, however it is spelled', () => {
    const hostile = "x'); DROP TABLE usage_record; --";
    const statement = sql`SELECT 1 FROM team WHERE slug = ${hostile} AND name = ${'$1'}`;
    expect(statement.text).toBe('SELECT 1 FROM team WHERE slug = $1 AND name = $2');
    expect(statement.text).not.toContain('DROP');
    expect(statement.values).toEqual([hostile, '$1']);
  });

  it('inserts rawSql text as is and emptySql as nothing, without parameters', () => {
    const columns = rawSql('r.energy_kwh::float8 AS energy_kwh');
    const statement = sql`SELECT ${columns} FROM usage_record r WHERE r.org_id = ${'o'}${emptySql}`;
    expect(statement.text).toBe(
      'SELECT r.energy_kwh::float8 AS energy_kwh FROM usage_record r WHERE r.org_id = $1',
    );
    expect(statement.values).toEqual(['o']);
  });
});

describe('queryRows / executeSql', () => {
  const statement = sql`SELECT id FROM team WHERE org_id = ${'org-1'}::uuid AND slug = ${'a'}`;

  it('hand a runner the numbered text and the values', async () => {
    const query = vi.fn(async () => [{ id: 't1' }]);
    const runner: TSqlRunner = { query: query as TSqlRunner['query'] };
    await expect(queryRows<{ id: string }>(runner, statement)).resolves.toEqual([{ id: 't1' }]);
    await executeSql(runner, statement);
    const expected = ['SELECT id FROM team WHERE org_id = $1::uuid AND slug = $2', ['org-1', 'a']];
    expect(query.mock.calls).toEqual([expected, expected]);
  });

  it('run on a Prisma client through $queryRawUnsafe / $executeRawUnsafe with the values spread', async () => {
    const $queryRawUnsafe = vi.fn(async () => [{ id: 't1' }]);
    const $executeRawUnsafe = vi.fn(async () => 1);
    const prismaLike = { $queryRawUnsafe, $executeRawUnsafe } as unknown as Parameters<typeof queryRows>[0];
    await expect(queryRows(prismaLike, statement)).resolves.toEqual([{ id: 't1' }]);
    await executeSql(prismaLike, statement);
    const expected = ['SELECT id FROM team WHERE org_id = $1::uuid AND slug = $2', 'org-1', 'a'];
    expect($queryRawUnsafe.mock.calls).toEqual([expected]);
    expect($executeRawUnsafe.mock.calls).toEqual([expected]);
  });
});

describe('executeSqlCount', () => {
  const statement = sql`DELETE FROM usage_record WHERE org_id = ${'org-1'}::uuid AND upload_id = ${'up-1'}::uuid`;
  const expectedText = 'DELETE FROM usage_record WHERE org_id = $1::uuid AND upload_id = $2::uuid';

  it("returns pg's rowCount for the bound statement, without asking for the rows", async () => {
    const query = vi.fn(async () => ({ rows: [], rowCount: 3 }));
    const client = { query } as unknown as pg.ClientBase;
    await expect(executeSqlCount(client, statement)).resolves.toBe(3);
    expect(query.mock.calls).toEqual([[expectedText, ['org-1', 'up-1']]]);
  });

  it('counts 0 when pg reports no row count (a statement that touches no table rows)', async () => {
    const client = { query: vi.fn(async () => ({ rows: [], rowCount: null })) } as unknown as pg.ClientBase;
    await expect(executeSqlCount(client, statement)).resolves.toBe(0);
  });

  it("returns Prisma's $executeRawUnsafe count, the values spread", async () => {
    const $executeRawUnsafe = vi.fn(async () => 2);
    const prismaLike = { $executeRawUnsafe } as unknown as Parameters<typeof executeSqlCount>[0];
    await expect(executeSqlCount(prismaLike, statement)).resolves.toBe(2);
    expect($executeRawUnsafe.mock.calls).toEqual([[expectedText, 'org-1', 'up-1']]);
  });
});
