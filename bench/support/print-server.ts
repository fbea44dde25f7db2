import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { DEV_AUTH_SECRET } from '../../scripts/db/dev-secrets';

// The PDF is Chromium printing the app's print page (lib/server/reports/print-report-pdf.ts), so the report
// benchmark runs the production build (`npm run build` first) on the database it measures, on a spare port.

export interface PrintServer {
  /** URL of the print page, for printReportPdf. */
  printUrl: string;
  stop: () => Promise<void>;
}

async function waitForHealth(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the print server exited with code ${child.exitCode} (run \`npm run build\` first?)`);
    }
    try {
      if ((await fetch(`${base}/api/health`)).ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the print server did not answer ${base}/api/health within ${timeoutMs} ms`);
}

/** Starts `scripts/next-server.mjs` on `port` against DATABASE_URL; the bench signs print tokens with the same secret. */
export async function startPrintServer(port: number): Promise<PrintServer> {
  process.env.BETTER_AUTH_SECRET ??= DEV_AUTH_SECRET;
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      path.join(import.meta.dirname, '../../scripts/next-server.mjs'),
      '--port',
      String(port),
      '--hostname',
      '127.0.0.1',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', BETTER_AUTH_URL: base, NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  await waitForHealth(base, child, 120_000);
  return {
    printUrl: `${base}/report-print`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
