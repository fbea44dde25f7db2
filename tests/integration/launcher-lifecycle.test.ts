import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { isProcessRunning as isAlive, isPortInUse } from '../../scripts/db/embedded-postgres';
import { freePort } from '../support/free-port';

// The real launcher (scripts/start.ts → scripts/db/run-next.ts: embedded Postgres, migrations, then the server)
// with AIF_NEXT_BIN pointing at tests/support/next-stub.mjs, a server that behaves like `next start` on SIGTERM
// (waits for open requests). Each scenario kills something and checks that nothing is left behind: no server, no
// Postgres, and that the next start works. Own data directory and free ports; processes are killed by pid only.

const ROOT = path.resolve(import.meta.dirname, '../..');
const STUB = path.join(ROOT, 'tests/support/next-stub.mjs');
const STOP_TIMEOUT_MS = 2000;

let dataDir: string;
let pgPort: number;
let appPort: number;
const started: number[] = [];

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    if (await check()) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

interface TLauncher {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Pid of the (stub) Next.js server once it listens. */
  serverPid: Promise<number>;
}

function startLauncher(): TLauncher {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(appPort),
    EMBEDDED_PG_PORT: String(pgPort),
    EMBEDDED_PG_DIR: dataDir,
    AIF_NEXT_BIN: STUB,
    AIF_STOP_TIMEOUT_MS: String(STOP_TIMEOUT_MS),
  };
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=react-server', 'scripts/start.ts'],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  started.push(child.pid ?? 0);
  let output = '';
  let onReady: (pid: number) => void = () => {};
  const serverPid = new Promise<number>((resolve) => {
    onReady = resolve;
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    const ready = /next-stub ready pid=(\d+)/.exec(output);
    if (ready) {
      started.push(Number(ready[1]));
      onReady(Number(ready[1]));
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited, serverPid };
}

async function ready(launcher: TLauncher): Promise<number> {
  const pid = await Promise.race([
    launcher.serverPid,
    launcher.exited.then(() => {
      throw new Error(`the launcher exited before the server was ready:\n${launcher.output()}`);
    }),
  ]);
  const body = await new Promise<string>((resolve, reject) => {
    http
      .get(`http://127.0.0.1:${appPort}/`, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => resolve(text));
      })
      .on('error', reject);
  });
  expect(JSON.parse(body)).toMatchObject({ pid });
  return pid;
}

async function postmasterPid(): Promise<number | null> {
  const file = path.join(dataDir, 'postmaster.pid');
  return existsSync(file) ? Number((await readFile(file, 'utf8')).split('\n')[0]) : null;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'aif-launcher-'));
  pgPort = await freePort();
  appPort = await freePort();
});

afterEach(async () => {
  // Whatever a failing scenario left running: only processes this file started (launchers, stub servers) and the
  // Postgres of its own data directory.
  for (const pid of started) {
    if (pid > 0 && isAlive(pid)) {
      process.kill(pid, 'SIGKILL');
    }
  }
  // Postgres gets a fast shutdown (SIGINT), not SIGKILL, which would leave its shared memory in use.
  const postgres = await postmasterPid();
  if (postgres && isAlive(postgres)) {
    process.kill(postgres, 'SIGINT');
  }
  started.length = 0;
  await until(async () => !(await isPortInUse(pgPort)), 10_000);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}.owner`, { force: true });
});

describe('npm start lifecycle', { timeout: 180_000 }, () => {
  test('Next.js killed with SIGKILL: the launcher stops Postgres and exits non-zero with a clear message', async () => {
    const launcher = startLauncher();
    const serverPid = await ready(launcher);
    expect(await isPortInUse(pgPort)).toBe(true);

    process.kill(serverPid, 'SIGKILL');
    const { code } = await launcher.exited;
    expect(code).toBe(128 + 9);
    expect(launcher.output()).toContain('Next.js was killed by SIGKILL unexpectedly; stopping the database.');
    expect(launcher.output()).not.toMatch(/ESRCH|Unhandled|at .*run-next/);
    expect(await isPortInUse(pgPort)).toBe(false);
    expect(await postmasterPid()).toBeNull();
  });

  test('launcher killed with SIGKILL: its server stops itself and the next start stops the orphaned Postgres', async () => {
    const first = startLauncher();
    const firstServer = await ready(first);
    const orphan = await postmasterPid();
    first.child.kill('SIGKILL');
    await first.exited;
    // What the kill leaves behind: Postgres on our data directory keeps running.
    expect(orphan !== null && isAlive(orphan)).toBe(true);
    // The server notices its launcher is gone and exits, freeing the port.
    expect(await until(() => !isAlive(firstServer), 5000)).toBe(true);

    const second = startLauncher();
    const secondServer = await ready(second);
    expect(second.output()).toContain(`Stopping the embedded Postgres (pid ${orphan})`);
    expect(isAlive(orphan ?? 0)).toBe(false);
    expect(secondServer).not.toBe(firstServer);

    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    expect(await isPortInUse(pgPort)).toBe(false);
  });

  test('SIGTERM while a request hangs: Next.js is killed after the stop timeout, then Postgres stops', async () => {
    const launcher = startLauncher();
    const serverPid = await ready(launcher);
    const hanging = http.get(`http://127.0.0.1:${appPort}/hang`);
    hanging.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const sent = Date.now();
    launcher.child.kill('SIGTERM');
    const { code } = await launcher.exited;
    const tookMs = Date.now() - sent;
    hanging.destroy();
    expect(code).toBe(0);
    expect(isAlive(serverPid)).toBe(false);
    expect(launcher.output()).toContain(`Next.js did not stop within ${STOP_TIMEOUT_MS} ms`);
    expect(tookMs).toBeGreaterThanOrEqual(STOP_TIMEOUT_MS);
    expect(await isPortInUse(pgPort)).toBe(false);
    expect(await postmasterPid()).toBeNull();
  });
});
