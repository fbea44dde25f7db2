import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getPrisma } from '@/lib/db';
import { DEV_AUTH_SECRET } from './dev-secrets';
import { type EmbeddedDatabase, isPortInUse, startEmbeddedPostgres } from './embedded-postgres';
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

/**
 * Starts the database (embedded unless DATABASE_URL is set), prepares it (migrations, factor library, demo seed),
 * then runs `next <command>` with DATABASE_URL set. Ctrl-C or SIGTERM stops Next.js and then the database cleanly.
 */
export async function runNextWithDatabase(options: RunNextOptions): Promise<void> {
  if (await isPortInUse(options.port)) {
    fail(`Port ${options.port} is already in use: stop the other server or set PORT to a free port.`);
  }
  let db: EmbeddedDatabase;
  try {
    if (options.freshEmbedded) {
      await rm(options.freshEmbedded.dataDir, { recursive: true, force: true });
      db = await startEmbeddedPostgres({ ...options.freshEmbedded, database: 'ai_footprint' });
    } else {
      db = await resolveDatabase(console.log);
    }
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  process.env.DATABASE_URL = db.url;
  try {
    await prepareDatabase({ seed: options.seed, log: console.log });
    await getPrisma().$disconnect();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await db.stop();
    process.exit(1);
  }
  const baseUrl = process.env.BETTER_AUTH_URL ?? `http://localhost:${options.port}`;
  // Run Next's own bin with this Node (no npx wrapper that could exit and orphan the server). `next dev` runs in its
  // own process group so that stopping can signal all its workers; `next start` stays in ours, so that a supervisor
  // killing our group (Playwright's web server teardown) takes the server down with it.
  const detached = options.command === 'dev';
  // `start` runs scripts/next-server.mjs (Next's handler in our HTTP server, so pages can see a client that left);
  // `dev` runs Next's own bin.
  const entry =
    options.command === 'start'
      ? [path.join(import.meta.dirname, '..', 'next-server.mjs')]
      : [createRequire(import.meta.url).resolve('next/dist/bin/next'), options.command];
  const next = spawn(
    process.execPath,
    [...entry, '--port', String(options.port), ...(options.extraArgs ?? [])],
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
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) {
      return;
    }
    stopping = true;
    if (next.exitCode === null && next.pid) {
      const exited = new Promise((resolve) => next.once('exit', resolve));
      process.kill(detached ? -next.pid : next.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      try {
        process.kill(detached ? -next.pid : next.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    }
    await db.stop();
    console.log('Stopped Next.js and the database.');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  next.on('exit', (code) => void shutdown(code ?? 0));
}
