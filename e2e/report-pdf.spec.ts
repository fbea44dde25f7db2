import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, expect, type Page, type TestInfo, test } from '@playwright/test';
import { signIn } from './support/sign-in';

// Issue #22: the board-ready PDF, printed by headless Chromium from the report's React components. Checked with
// poppler (pdftotext, pdfinfo, pdftoppm; Debian package poppler-utils): the cover figures equal the JSON export's,
// every page has a running header and "Page i of n", no ISO timestamp or stored code reaches the reader, and the
// status/sign-off block follows the version through freeze, review and approval. Pages 1 (cover) and 2 (executive
// summary) are kept as PNG artefacts; `npm run docs:report-images` copies them to docs/images/.

const PERIOD = '2026-Q3';
// The sign-off flow freezes and approves a version; Q1 2026 keeps it apart from e2e/reports.spec.ts (freezes Q3)
// and e2e/hardware-review.spec.ts (Q2), which each need their first freeze to create a version.
const SIGN_OFF_PERIOD = '2026-Q1';
test.describe.configure({ timeout: 300_000 });

interface THeadline {
  id: string;
  value: number | null;
  unit: string;
  changeVsPreviousPct: number | null;
  changeVsLastYearPct: number | null;
}

const formatted = (value: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(value);
const pdfText = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], {
    encoding: 'utf8',
  });
const pageCount = (file: string) =>
  Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

// Stored codes that must never be printed (phases, providers, fallback flags) and ISO 8601 instants.
const RAW_CODES = /\b(data_processing|fine_tuning|on_prem|[A-Z]+_[A-Z_]+)\b/;
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

async function download(page: Page, url: string, file: string): Promise<string> {
  const response = await page.request.get(url);
  expect(response.status(), `${url}: ${response.status()}`).toBe(200);
  writeFileSync(file, await response.body());
  return file;
}

/** Pages 1 and 2 as PNG test artefacts (and, for the docs script, copied to docs/images/). */
async function keepPagePngs(pdf: string, name: string, testInfo: TestInfo): Promise<void> {
  const prefix = testInfo.outputPath(name);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdf, prefix]);
  const pages = pageCount(pdf);
  const pad = String(pages).length;
  for (const n of [1, 2]) {
    const png = `${prefix}-${String(n).padStart(pad, '0')}.png`;
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    await testInfo.attach(`${name}-page-${n}.png`, { path: png, contentType: 'image/png' });
    if (process.env.REPORT_DOCS_IMAGES === '1') {
      mkdirSync('docs/images', { recursive: true });
      copyFileSync(png, path.join('docs/images', n === 1 ? 'report-cover.png' : 'report-summary.png'));
    }
  }
}

/** Checks that hold for every exported PDF of the report; returns the cover text. */
function checkPdf(pdf: string, periodLabel = 'Q3 2026'): string {
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info).toMatch(new RegExp(`^Title:\\s+Northwind AI: AI footprint ESG report ${periodLabel}$`, 'm'));
  expect(info).toMatch(/^Tagged:\s+yes$/m);
  const pages = pageCount(pdf);
  // Cover, summary, contents, charts, 12 more sections and 3 appendices: at least 6 pages, and not a book.
  expect(pages).toBeGreaterThanOrEqual(6);
  expect(pages).toBeLessThanOrEqual(30);
  for (let n = 1; n <= pages; n += 1) {
    const text = pdfText(pdf, n);
    expect(text, `page ${n}`).toContain(`Page ${n} of ${pages}`);
    expect(text, `page ${n}`).toContain(`Northwind AI · AI footprint ESG report ${periodLabel}`);
  }
  const all = pdfText(pdf);
  expect(all.match(ISO_INSTANT)?.[0] ?? null).toBeNull();
  expect(all.match(RAW_CODES)?.[0] ?? null).toBeNull();
  for (const heading of [
    'Executive summary',
    'Contents',
    'Appendix A. Factor register',
    'Appendix C. Restatement log',
  ]) {
    expect(all).toContain(heading);
  }
  // Language, structure tree (tagged) and bookmarks from the headings.
  const bytes = readFileSync(pdf).toString('latin1');
  expect(bytes).toContain('/Lang (en)');
  expect(bytes).toContain('/StructTreeRoot');
  expect(bytes).toMatch(/\/Outlines \d+ 0 R/);
  // No script or launch actions in the file (names are text).
  expect(readFileSync(pdf).toString('latin1')).not.toMatch(/\/(JavaScript|JS|Launch)\b/);
  return pdfText(pdf, 1);
}

test('[report-pdf] Q3 live report: cover figures equal the JSON export, page numbers, no ISO or codes', async ({
  page,
}, testInfo) => {
  await signIn(page, 'auditor');
  const json = JSON.parse(
    readFileSync(
      await download(
        page,
        `/api/v1/reports/${PERIOD}/export?format=json`,
        testInfo.outputPath('report.json'),
      ),
      'utf8',
    ),
  ) as { headline: THeadline[] };
  const pdf = await download(
    page,
    `/api/v1/reports/${PERIOD}/export?format=pdf`,
    testInfo.outputPath('report.pdf'),
  );
  const cover = checkPdf(pdf);
  expect(cover).toContain('1 July – 30 September 2026');
  expect(cover).toContain('Status: Provisional');
  for (const id of ['total-location', 'total-market', 'electricity-mwh', 'water-onsite']) {
    const h = json.headline.find((x) => x.id === id);
    expect(h?.value, id).not.toBeNull();
    const unit = (h?.unit ?? '').replace('CO2e', 'CO₂e');
    expect(cover, id).toContain(`${formatted(h?.value ?? Number.NaN)} ${unit}`);
  }
  // Signed changes vs Q2 2026 and Q3 2025, as the JSON export's percentages say: one decimal with + or − (U+2212),
  // beyond ±999 % "n/a (base near zero: …)" (that case is unit-tested in lib/reports/present/change-display.test.ts;
  // since the demo's AI-service usage, no demo Q3 figure has a near-zero base).
  expect(cover).toMatch(/[+−]\d+\.\d %/);
  let changes = 0;
  for (const id of ['total-location', 'total-market', 'electricity-mwh', 'water-onsite']) {
    const h = json.headline.find((x) => x.id === id);
    for (const [pct, versus] of [
      [h?.changeVsPreviousPct, 'vs Q2 2026'],
      [h?.changeVsLastYearPct, 'vs Q3 2025'],
    ] as const) {
      if (pct === null || pct === undefined) {
        continue;
      }
      const shown =
        Math.abs(pct) > 999
          ? 'n/a (base near zero:'
          : `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct).toFixed(1)} % ${versus}`;
      expect(cover, `${id} ${versus}`).toContain(shown);
      changes += 1;
    }
  }
  // Q2 2026 and Q3 2025 both hold demo data: all eight comparisons exist.
  expect(changes).toBe(8);
  expect(cover).toContain('Not signed off');
  const summary = pdfText(pdf, 2);
  expect(summary).toContain('1. Executive summary');
  expect(summary).toContain('Cat 1 AI services');
  expect(summary).toContain('Emissions by scope');
  await keepPagePngs(pdf, 'live', testInfo);
});

async function asUser(browser: Browser, role: 'editor' | 'admin' | 'auditor'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, role);
  await page.goto(`/reports?period=${SIGN_OFF_PERIOD}`);
  return page;
}

test('[report-pdf] frozen, reviewed and approved versions carry their status and sign-off block', async ({
  browser,
}, testInfo) => {
  const editor = await asUser(browser, 'editor');
  await editor.getByRole('button', { name: 'Freeze snapshot' }).click();
  const status = editor.getByRole('status').filter({ hasText: /version \d+/ });
  await expect(status).toBeVisible();
  const version = Number(/version (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
  expect(version).toBeGreaterThan(0);
  const versionPdf = async (page: Page, name: string) =>
    download(
      page,
      `/api/v1/reports/${SIGN_OFF_PERIOD}/export?format=pdf&version=${version}`,
      testInfo.outputPath(`${name}.pdf`),
    );

  const frozen = checkPdf(await versionPdf(editor, 'frozen'), 'Q1 2026');
  expect(frozen).toContain(`Status: Frozen, version ${version}`);
  expect(frozen).toContain('awaiting review');
  expect(frozen).toMatch(/Preparer\s+\S/);

  const admin = await asUser(browser, 'admin');
  await admin.getByRole('button', { name: `Review version ${version}` }).click();
  await expect(admin.getByTestId(`workflow-v${version}`)).toHaveText('reviewed');
  const reviewed = checkPdf(await versionPdf(admin, 'reviewed'), 'Q1 2026');
  expect(reviewed).toContain(`Status: Reviewed, version ${version}`);
  expect(reviewed).toContain('Morgan Admin');

  const auditor = await asUser(browser, 'auditor');
  await auditor.getByRole('button', { name: `Approve version ${version}` }).click();
  await expect(auditor.getByTestId(`workflow-v${version}`)).toHaveText('approved');
  const approvedPdf = await versionPdf(auditor, 'approved');
  const approved = checkPdf(approvedPdf, 'Q1 2026');
  expect(approved).toContain(`Status: Approved, version ${version}`);
  expect(approved).toContain('Morgan Admin');
  expect(approved).toContain('Casey Auditor');
  expect(approved).not.toContain('not yet');
  await keepPagePngs(approvedPdf, 'approved', testInfo);
});

test('[report-pdf] the print page is not reachable without a print token', async ({ page, request }) => {
  expect((await request.get('/report-print')).status()).toBe(404);
  await signIn(page, 'owner');
  // A session alone does not open it, nor a forged token.
  expect((await page.request.get('/report-print')).status()).toBe(404);
  const forged = await page.request.get('/report-print', {
    headers: { 'x-report-print-token': 'report-print:e30.x' },
  });
  expect(forged.status()).toBe(404);
});

test('[report-pdf] Reports page: six tiles first, one unit spelling, tables inside their cards at 1440 and 390 px in both themes', async ({
  page,
  baseURL,
}, testInfo) => {
  await signIn(page, 'viewer');
  for (const theme of ['light', 'dark'] as const) {
    await page.context().addCookies([{ name: 'aif_theme', value: theme, url: baseURL ?? '' }]);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/reports?period=${PERIOD}`);
      await expect(page.getByRole('heading', { name: '10. Methodology and data quality' })).toBeVisible();
      const tiles = page.getByRole('region', { name: 'Headline figures' }).locator('[data-headline-id]');
      await expect(tiles).toHaveCount(6);
      await expect(tiles.first()).toContainText(/[+−]\d+\.\d %/);
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).not.toContain('tCO2e');
      expect(main.match(RAW_CODES)?.[0] ?? null).toBeNull();
      // Nothing makes the page itself scroll sideways; a wide table scrolls inside its own box.
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - window.innerWidth,
        tables: [...document.querySelectorAll('.report-table-wrap')].map((w) => {
          const box = w.getBoundingClientRect();
          return { right: box.right, scrolls: getComputedStyle(w).overflowX === 'auto' };
        }),
      }));
      expect(overflow.page, `${theme} ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`reports-${theme}-${width}.png`) });
      for (const t of overflow.tables) {
        expect(t.scrolls).toBe(true);
        expect(t.right).toBeLessThanOrEqual(width);
      }
    }
  }
});
