import { spawn } from 'node:child_process';
import { getPrisma } from '@/lib/db';
import { DEV_AUTH_SECRET } from './dev-secrets';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';
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

/**
 * Starts the database (embedded unless DATABASE_URL is set), prepares it (migrations, factor library, demo seed),
 * then runs `next <command>` with DATABASE_URL set. Ctrl-C or SIGTERM stops Next.js and then the database cleanly.
 */
export async function runNextWithDatabase(options: RunNextOptions): Promise<void> {
  let db: EmbeddedDatabase;
  if (options.freshEmbedded) {
    const { rm } = await import('node:fs/promises');
    await rm(options.freshEmbedded.dataDir, { recursive: true, force: true });
    db = await startEmbeddedPostgres({ ...options.freshEmbedded, database: 'ai_footprint' });
  } else {
    db = await resolveDatabase(console.log);
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
  const next = spawn(
    'npx',
    ['next', options.command, '--port', String(options.port), ...(options.extraArgs ?? [])],
    {
      stdio: 'inherit',
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
    if (next.exitCode === null) {
      next.kill('SIGTERM');
      await new Promise((resolve) => next.once('exit', resolve));
    }
    await db.stop();
    console.log('Stopped Next.js and the database.');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  next.on('exit', (code) => void shutdown(code ?? 0));
}
