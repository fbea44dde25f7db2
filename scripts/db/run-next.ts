import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import exitHook from 'async-exit-hook';
import { getPrisma } from '@/lib/server/db/prisma';
import { DEV_AUTH_SECRET } from './dev-secrets';
import {
  type EmbeddedDatabase,
  isPortInUse,
  startEmbeddedPostgres,
  stopOrphanedPostgres,
} from './embedded-postgres';
import { prepareDatabase } from './prepare-database';
import { resolveDatabase } from './resolve-database';

export interface RunNextOptions {
  command: 'dev' | 'start';
  port: number;
  seed: 'never' | 'if-empty' | 'always';
  /** Use a throw-away embedded database in this folder (wiped first) on this port, e.g. for e2e runs. */
  freshEmbedded?: { dataDir: string; port: number };
  extraArgs?: string[];
}

/** Prints a one-line reason and exits: start-up problems are the user's to fix, not stack traces. */
function fail(message: string): never {
  console.error(`\nCannot start AI Footprint: ${message}\n`);
  process.exit(1);
}

/** How long Next.js gets to finish its requests after SIGTERM before it is killed (AIF_STOP_TIMEOUT_MS, ms). */
const stopTimeoutMs = () => Number(process.env.AIF_STOP_TIMEOUT_MS ?? 10_000);

/** Sends `signal` to `pid` (or its process group); a process that is already gone is not an error. */
function signalProcess(pid: number, group: boolean, signal: NodeJS.Signals): void {
  try {
    process.kill(group ? -pid : pid, signal);
  } catch {
    // Already exited.
  }
}

/** 128 + the signal's number, the shell's convention for "killed by a signal". */
const signalExitCode = (signal: NodeJS.Signals) => 128 + (osConstants.signals[signal] ?? 0);

/**
 * Starts the database (embedded unless DATABASE_URL is set), prepares it (migrations, factor library, demo seed),
 * then runs `next <command>` with DATABASE_URL set. Ctrl-C or SIGTERM stops Next.js (SIGTERM, then SIGKILL after
 * AIF_STOP_TIMEOUT_MS when requests hang) and then the database. If Next.js dies on its own (crash, SIGKILL),
 * the database is stopped and the launcher exits non-zero. A launcher killed with SIGKILL leaves nothing that
 * blocks the next start: the server stops itself (scripts/db/exit-with-parent.cjs) and the next start stops the
 * orphaned embedded Postgres (stopOrphanedPostgres).
 */
export async function runNextWithDatabase(options: RunNextOptions): Promise<void> {
  if (await isPortInUse(options.port)) {
    fail(`Port ${options.port} is already in use: stop the other server or set PORT to a free port.`);
  }
  // This launcher orders the shutdown itself (Next.js first, then the database): embedded-postgres' own signal
  // handlers would stop the database and exit while Next.js still runs (orphaning it with its hanging requests).
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    exitHook.unhookEvent(event);
  }
  let db: EmbeddedDatabase;
  try {
    if (options.freshEmbedded) {
      // A server left running on this folder by a killed run must stop before its files are deleted.
      await stopOrphanedPostgres(path.resolve(options.freshEmbedded.dataDir), console.log);
      await rm(options.freshEmbedded.dataDir, { recursive: true, force: true });
      db = await startEmbeddedPostgres({ ...options.freshEmbedded, database: 'ai_footprint' });
    } else {
      db = await resolveDatabase(console.log);
    }
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  let next: ChildProcess | null = null;
  const detached = options.command === 'dev';
  let stopping = false;
  // Stops Next.js (if it runs), then the database, then exits with `code`; never throws.
  const shutdown = async (code: number, reason?: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    if (reason) {
      console.error(`\n${reason}\n`);
    }
    const child = next;
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const wait = (ms: number) =>
        Promise.race([
          exited.then(() => true),
          new Promise((resolve) => setTimeout(() => resolve(false), ms)),
        ]);
      signalProcess(child.pid, detached, 'SIGTERM');
      if (!(await wait(stopTimeoutMs()))) {
        console.error(`Next.js did not stop within ${stopTimeoutMs()} ms (requests still open): killing it.`);
        signalProcess(child.pid, detached, 'SIGKILL');
        await wait(5_000);
      }
    }
    try {
      await db.stop();
      console.log(reason ? 'Stopped the database.' : 'Stopped Next.js and the database.');
    } catch (error) {
      console.error(`Could not stop the database: ${error instanceof Error ? error.message : String(error)}`);
      code = code || 1;
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));
  process.env.DATABASE_URL = db.url;
  try {
    await prepareDatabase({ seed: options.seed, log: console.log });
    await getPrisma().$disconnect();
  } catch (error) {
    await shutdown(1, error instanceof Error ? error.message : String(error));
    return;
  }
  if (stopping) {
    return;
  }
  const baseUrl = process.env.BETTER_AUTH_URL ?? `http://localhost:${options.port}`;
  // Run Next's own bin with this Node (no npx wrapper that could exit and orphan the server). `next dev` runs in its
  // own process group so that stopping can signal all its workers; `next start` stays in ours, so that a supervisor
  // killing our group (Playwright's web server teardown) takes the server down with it. `start` runs
  // scripts/next-server.mjs (Next's handler in our HTTP server, so pages can see a client that left); `dev` runs
  // Next's own bin. AIF_NEXT_BIN replaces either (tests/integration/launcher-lifecycle.test.ts runs the launcher
  // with a stub server).
  const entry = process.env.AIF_NEXT_BIN
    ? [process.env.AIF_NEXT_BIN, options.command]
    : options.command === 'start'
      ? [path.join(import.meta.dirname, '..', 'next-server.mjs')]
      : [createRequire(import.meta.url).resolve('next/dist/bin/next'), options.command];
  const watchdog = fileURLToPath(new URL('./exit-with-parent.cjs', import.meta.url));
  next = spawn(
    process.execPath,
    ['--require', watchdog, ...entry, '--port', String(options.port), ...(options.extraArgs ?? [])],
    {
      stdio: 'inherit',
      detached,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? DEV_AUTH_SECRET,
        BETTER_AUTH_URL: baseUrl,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  );
  console.log(`\nAI Footprint: ${baseUrl}  (demo sign-in: demo@aifootprint.local / footprint-demo)\n`);
  next.on('exit', (code, signal) => {
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    void shutdown(
      signal ? signalExitCode(signal) : code || 1,
      `Next.js ${how} unexpectedly; stopping the database. Check the output above, then start again.`,
    );
  });
}
