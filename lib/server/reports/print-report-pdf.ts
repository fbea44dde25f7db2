import { existsSync } from 'node:fs';
import 'server-only';
import pLimit from 'p-limit';
import { type Browser, chromium } from 'playwright-core';
import { AppError } from '@/lib/errors';
import { logServerError } from '@/lib/server/http/logger';
import { PRINT_TOKEN_HEADER } from './report-print-token';

// The PDF of the quarterly report: headless Chromium prints the print page (app/report-print/page.tsx), which
// renders the same React components as the Reports page (docs/DECISIONS.md "PDF rendering", docs/decisions/
// reports.md). Driven by playwright-core (already used by the e2e suite; no browser download). One browser per
// server process, shared by all exports; at most REPORT_PDF_CONCURRENCY pages print at once, the others wait in
// a queue; each export has REPORT_PDF_TIMEOUT_MS; an idle browser is closed after a minute.

/** Where Chromium is looked for when CHROMIUM_PATH is not set (Debian, Ubuntu, Google's packages). */
const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];
const IDLE_CLOSE_MS = 60_000;

const numberEnv = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** CHROMIUM_PATH if set (must exist), else the first installed candidate; null when none is installed. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  if (env.CHROMIUM_PATH) {
    return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  }
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

interface TRendererState {
  browser: Promise<Browser> | null;
  idleTimer: NodeJS.Timeout | null;
  limit: ReturnType<typeof pLimit>;
}
const STATE_KEY = Symbol.for('ai-footprint.report-pdf-renderer');
function state(): TRendererState {
  const g = globalThis as typeof globalThis & { [STATE_KEY]?: TRendererState };
  g[STATE_KEY] ??= {
    browser: null,
    idleTimer: null,
    limit: pLimit(numberEnv('REPORT_PDF_CONCURRENCY', 2)),
  };
  return g[STATE_KEY];
}

function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      'PDF export needs Chromium, which was not found. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to its executable; CSV, XLSX and JSON exports work without it.',
    );
  }
  const s = state();
  const launched = chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  s.browser = launched;
  launched.then(
    (b) =>
      b.on('disconnected', () => {
        if (s.browser === launched) {
          s.browser = null;
        }
      }),
    () => {
      if (s.browser === launched) {
        s.browser = null;
      }
    },
  );
  return launched;
}

function scheduleIdleClose(): void {
  const s = state();
  if (s.idleTimer) {
    clearTimeout(s.idleTimer);
  }
  s.idleTimer = setTimeout(() => {
    if (s.limit.activeCount === 0 && s.limit.pendingCount === 0 && s.browser) {
      const closing = s.browser;
      s.browser = null;
      void closing.then((b) => b.close()).catch(() => undefined);
    }
  }, IDLE_CLOSE_MS);
  s.idleTimer.unref();
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface TPrintRequest {
  /** The print page's URL on this server, e.g. http://127.0.0.1:3000/report-print. */
  url: string;
  token: string;
  /** Running header text: organisation, report, period, status. */
  header: string;
  /** Footer text beside the page numbers. */
  footer: string;
}

async function printOnce(request: TPrintRequest, timeoutMs: number): Promise<Buffer> {
  const browser = await (state().browser ?? launchBrowser());
  const context = await browser.newContext({ extraHTTPHeaders: { [PRINT_TOKEN_HEADER]: request.token } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const response = await page.goto(request.url, { waitUntil: 'load' });
    if (!response?.ok()) {
      throw new Error(`print page answered ${response?.status() ?? 'nothing'}`);
    }
    await page.waitForFunction(() => document.documentElement.dataset.reportReady === 'true');
    const small =
      'font-size:8px;font-family:Helvetica,Arial,sans-serif;color:#475569;width:100%;margin:0 15mm;';
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small}display:flex;justify-content:space-between;"><span>${escapeHtml(request.header)}</span></div>`,
      footerTemplate: `<div style="${small}display:flex;justify-content:space-between;"><span>${escapeHtml(request.footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      margin: { top: '18mm', bottom: '16mm', left: '15mm', right: '15mm' },
      // Tagged PDF (structure tree for screen readers) and an outline from the headings (Chromium ≥ 124).
      tagged: true,
      outline: true,
    });
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * Prints the report page of `request` to a PDF (bytes). Queued behind at most REPORT_PDF_CONCURRENCY other
 * prints; fails after REPORT_PDF_TIMEOUT_MS (default 60 s) with a 503 whose message says so.
 */
export async function printReportPdf(request: TPrintRequest): Promise<Buffer> {
  const timeoutMs = numberEnv('REPORT_PDF_TIMEOUT_MS', 60_000);
  const s = state();
  try {
    return await s.limit(() => printOnce(request, timeoutMs));
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    logServerError(error, 'report PDF rendering failed');
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      `The PDF could not be rendered (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}). Try again; CSV, XLSX and JSON exports are unaffected.`,
    );
  } finally {
    scheduleIdleClose();
  }
}
