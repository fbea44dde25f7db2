import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signIn } from './support/sign-in';

/** Minimal RFC 4180 parser (quoted fields, doubled quotes) for the downloaded CSV. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  return rows;
}

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const path = await file.path();
  expect(path).toBeTruthy();
  return path;
}

const formatted = (value: string) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(Number(value));

test('[reports] preview 2026-Q3, export CSV, XLSX and PDF with the same headline figures', async ({
  page,
}) => {
  await signIn(page, 'auditor');
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByLabel('Reporting period').selectOption('2026-Q3');
  await page.getByRole('button', { name: 'Show preview' }).click();
  await expect(page).toHaveURL(/period=2026-Q3/);
  await expect(page.getByRole('heading', { name: '4. GHG emissions' })).toBeVisible();
  await expect(page.getByTestId('report-monthly-chart')).toBeVisible();
  const previewLb = (await page.getByTestId('headline-total-location').textContent())?.trim() ?? '';
  const previewMb = (await page.getByTestId('headline-total-market').textContent())?.trim() ?? '';
  expect(previewLb).toMatch(/^[\d,.]+$/);
  expect(Number(previewLb.replaceAll(',', ''))).toBeGreaterThan(0);

  // CSV: one row per figure; the headline totals equal the preview.
  const csv = parseCsv(readFileSync(await download(page, 'Export CSV'), 'utf8'));
  expect(csv[0]).toEqual(['section', 'metric', 'value', 'unit', 'period', 'basis']);
  const figure = (metric: string) => csv.find((r) => r[1] === metric);
  const lb = figure('Headline figures | Total AI footprint, location-based | Q3 2026');
  const mb = figure('Headline figures | Total AI footprint, market-based | Q3 2026');
  expect(lb?.slice(3)).toEqual(['tCO2e', '2026-Q3', 'location-based']);
  expect(mb?.slice(3)).toEqual(['tCO2e', '2026-Q3', 'market-based']);
  expect(formatted(lb?.[2] ?? 'NaN')).toBe(previewLb);
  expect(formatted(mb?.[2] ?? 'NaN')).toBe(previewMb);
  expect(figure('Table C: GHG emissions | Total (LB basis) | Q3 2026')?.[2]).toBe(lb?.[2]);
  // Section 5 "By AI service" (the demo's OpenAI and Anthropic usage): its kg total is Table C's AI-services row in t.
  const aiTable = page.locator('[data-table-id="by-ai-service"]');
  await expect(aiTable.getByRole('rowheader', { name: 'OpenAI API' })).toBeVisible();
  await expect(aiTable.getByRole('rowheader', { name: 'Anthropic API' })).toBeVisible();
  const aiTotalKg = Number(figure('By AI service | Total | Emissions LB')?.[2]);
  expect(aiTotalKg).toBeGreaterThan(0);
  const aiRowT = Number(
    figure('Table C: GHG emissions | Scope 3 Cat 1 AI services (LB basis) | Q3 2026')?.[2],
  );
  expect(Math.round(aiTotalKg) / 1000).toBe(aiRowT);

  // XLSX: dual Scope 2 table and factor register, same totals.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download(page, 'Export XLSX'));
  const tableC = workbook.getWorksheet('Table C GHG emissions');
  const cRows: unknown[][] = [];
  tableC?.eachRow((r) => cRows.push((r.values as unknown[]).slice(1)));
  const header = cRows[1] as string[];
  const current = header.indexOf('Q3 2026 (tCO2e)');
  expect(current).toBeGreaterThan(0);
  expect(cRows.find((r) => r[0] === 'Total (LB basis)')?.[current]).toBe(Number(lb?.[2]));
  expect(cRows.find((r) => r[0] === 'Total (MB basis)')?.[current]).toBe(Number(mb?.[2]));
  expect(cRows.some((r) => r[0] === 'Scope 2 location-based')).toBe(true);
  expect(cRows.some((r) => r[0] === 'Scope 2 market-based')).toBe(true);
  const register = workbook.getWorksheet('Factor register');
  expect(register?.rowCount ?? 0).toBeGreaterThan(3);

  // PDF: text extracted with pdftotext contains the headline figures.
  const pdfPath = await download(page, 'Export PDF');
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
  // The cover tiles (issue #22; details in e2e/report-pdf.spec.ts).
  expect(text).toContain(`${previewLb} tCO₂e`);
  expect(text).toContain(`${previewMb} tCO₂e`);
  expect(text).toContain('Factor register');
  expect(text).toContain('By AI service');
});

test('[reports] the export API answers bearer-less requests with 401 and validates the period of a signed-in one', async ({
  page,
  request,
}) => {
  // Issue #18: every route authenticates before it parses (docs/decisions/api.md), so an anonymous caller gets 401
  // whatever the period, never the validation answer a permitted caller gets.
  expect((await request.get('/api/v1/reports/2026-Q9/export?format=csv')).status()).toBe(401);
  expect((await request.get('/api/v1/reports/2026-Q3/export?format=csv')).status()).toBe(401);
  await signIn(page, 'auditor');
  const bad = await page.request.get('/api/v1/reports/2026-Q9/export?format=csv');
  expect(bad.status()).toBe(400);
});

test('[reports] freeze a snapshot and re-export it byte for byte (sign-off: e2e/hardware-review.spec.ts)', async ({
  page,
}) => {
  await signIn(page, 'owner');
  await page.goto('/reports?period=2026-Q3');
  const previewLb = (await page.getByTestId('headline-total-location').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: 'Freeze snapshot' }).click();
  // The version number is read from the page, so that Playwright's retry (same database, version 1 already
  // frozen by the first attempt) tests the same flow: a first attempt yields "version 1 (draft)".
  const frozenStatus = page
    .getByRole('status')
    .filter({ hasText: /Frozen as version \d+ \((draft|restated)/ });
  await expect(frozenStatus).toBeVisible();
  const v = Number(/version (\d+)/.exec((await frozenStatus.textContent()) ?? '')?.[1]);
  expect(v).toBeGreaterThanOrEqual(1);
  // Four eyes: the preparer can neither review nor approve their own version.
  await expect(page.getByTestId(`workflow-v${v}`)).toHaveText('draft');
  await expect(page.getByRole('button', { name: `Review version ${v}` })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Approve version ${v}` })).toHaveCount(0);

  const first = readFileSync(await download(page, `Export version ${v} as JSON`));
  const second = readFileSync(await download(page, `Export version ${v} as JSON`));
  expect(second.equals(first)).toBe(true);
  const frozen = JSON.parse(first.toString('utf8')) as {
    snapshot: { version: number };
    headline: { id: string; value: number }[];
  };
  expect(frozen.snapshot.version).toBe(v);
  expect(formatted(String(frozen.headline.find((h) => h.id === 'total-location')?.value))).toBe(previewLb);

  // Nothing changed since: a second freeze creates no new version.
  await page.getByRole('button', { name: 'Freeze snapshot' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `No figure changed since version ${v}` }),
  ).toBeVisible();
});
