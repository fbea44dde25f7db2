import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createContinuousCopyRunner } from '@/lib/server/db/continuous-copy-runner';
import { createTestDatabase } from '../support/test-database';

let url: string;
const clients: pg.Client[] = [];

beforeAll(async () => {
  url = await createTestDatabase();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end()));
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}

const COPY_SQL = 'COPY copy_probe (n, label) FROM STDIN WITH (FORMAT csv)';

/**
 * What the runner's backend is doing, seen from another connection; polls (up to 5 s) until it shows `until`,
 * since the statement reaches the backend a moment after copyIn returned.
 */
async function backendState(
  observer: pg.Client,
  pid: number,
  until: string,
): Promise<{ state: string; query: string }> {
  for (let attempt = 0; ; attempt++) {
    const { rows } = await observer.query<{ state: string; query: string }>(
      'SELECT state, query FROM pg_stat_activity WHERE pid = $1',
      [pid],
    );
    const row = rows[0] as { state: string; query: string };
    if (row.state === until || attempt >= 50) {
      return row;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function setUp(client: pg.Client): Promise<number> {
  await client.query('BEGIN');
  await client.query('CREATE TEMP TABLE copy_probe (n integer NOT NULL, label text) ON COMMIT DROP');
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return rows[0]?.pid as number;
}

test('consecutive COPYs of one statement stay one open COPY until another statement needs the connection', async () => {
  const client = await connect();
  const observer = await connect();
  const pid = await setUp(client);
  const db = createContinuousCopyRunner(client);
  await db.copyIn(COPY_SQL, ['1,a\n2,b\n']);
  await db.copyIn(COPY_SQL, ['3,"c,d"\n', '4,\n']);
  // Both batches were taken and the statement is still running: the second did not wait for the first.
  expect(await backendState(observer, pid, 'active')).toMatchObject({ state: 'active', query: COPY_SQL });
  const rows = await db.query<{ n: number; label: string | null }>(
    'SELECT n, label FROM copy_probe ORDER BY n',
  );
  expect(rows).toEqual([
    { n: 1, label: 'a' },
    { n: 2, label: 'b' },
    { n: 3, label: 'c,d' },
    { n: 4, label: null },
  ]);
  expect((await backendState(observer, pid, 'idle in transaction')).state).toBe('idle in transaction');
  await client.query('ROLLBACK');
});

test('a value Postgres refuses surfaces at settle with its error, and the transaction can roll back', async () => {
  const client = await connect();
  const pid = await setUp(client);
  const db = createContinuousCopyRunner(client);
  await db.copyIn(COPY_SQL, ['1,a\n']);
  await db.copyIn(COPY_SQL, ['not-a-number,b\n']);
  await expect(db.settle()).rejects.toThrow(/invalid input syntax for type integer/);
  await client.query('ROLLBACK');
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  expect(rows[0]?.pid).toBe(pid);
});

test('abort abandons an open COPY so that ROLLBACK runs and nothing of it stays', async () => {
  const client = await connect();
  const observer = await connect();
  const pid = await setUp(client);
  await client.query('CREATE TABLE copy_kept (n integer)');
  const db = createContinuousCopyRunner(client);
  await db.copyIn('COPY copy_kept (n) FROM STDIN WITH (FORMAT csv)', ['1\n2\n']);
  expect((await backendState(observer, pid, 'active')).state).toBe('active');
  await db.abort();
  await client.query('ROLLBACK');
  const { rows } = await observer.query<{ present: string | null }>(
    "SELECT to_regclass('public.copy_kept')::text AS present",
  );
  expect(rows[0]?.present).toBeNull();
});
