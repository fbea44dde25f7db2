import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { E2E_NOW } from './support/e2e-today';
import { signIn } from './support/sign-in';

// The presets' ranges as the page prints them, from the app's fixed "today" (e2e/support/e2e-today.ts; the demo
// organisation is on UTC).
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const today = new Date(E2E_NOW);
const y = today.getUTCFullYear();
const m = today.getUTCMonth();
// The 12 complete months before the current one.
const LAST_12_MONTHS = `${isoDay(new Date(Date.UTC(y, m - 12, 1)))} – ${isoDay(new Date(Date.UTC(y, m, 0)))}`;
const THIS_QUARTER = `${isoDay(new Date(Date.UTC(y, Math.floor(m / 3) * 3, 1)))} – ${isoDay(today)}`;

test('[dashboard] filters live in the URL and change the charts', async ({ page }) => {
  await signIn(page);
  // Default: last 12 months (demo data ends 2026-10-31, so it shows data), monthly buckets.
  await expect(page.getByText(`${LAST_12_MONTHS} · monthly buckets`)).toBeVisible();
  await expect(
    page.getByTestId('emissions-trend-chart').locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  const locationKpi = page.getByRole('region', { name: 'Location-based' }).getByTestId('kpi-value');
  const allTeams = await locationKpi.textContent();

  await page.getByLabel('Date range').selectOption('this_quarter');
  await expect(page).toHaveURL(/[?&]range=this_quarter/);
  await expect(page.getByText(`${THIS_QUARTER} · weekly buckets`)).toBeVisible();
  await expect(
    page.getByTestId('emissions-trend-chart').locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();

  await page.getByTestId('filter-team').locator('summary').click();
  // exact: the AI-usage spec's FOCUS upload adds a team "research-<id>" to the same demo organisation.
  await page.getByRole('checkbox', { name: 'Research', exact: true }).check();
  await expect(page).toHaveURL(/[?&]team=research/);
  await expect(locationKpi).not.toHaveText(allTeams ?? '');
  // The team breakdown now only has the selected team.
  await expect(page.getByTestId('breakdown-team').getByRole('listitem')).toHaveCount(1);

  // The URL is shareable: opening it fresh shows the same filters.
  const url = page.url();
  await page.goto(url);
  await expect(page.getByLabel('Date range')).toHaveValue('this_quarter');
  await expect(page.getByTestId('filter-team').locator('summary')).toContainText('1');
});

test('[dashboard] a breakdown bar leads to its records, and a record shows its calculation', async ({
  page,
}) => {
  await signIn(page);
  await page
    .getByTestId('breakdown-team')
    .getByRole('link', { name: /^Platform:/ })
    .click();
  await expect(page).toHaveURL(/\/records\?team=platform/);
  await expect(page.getByRole('heading', { name: 'Records' })).toBeVisible();
  const table = page.getByTestId('records-table');
  await expect(table.getByRole('row').nth(1)).toContainText('Platform');
  await expect(page.getByTestId('records-count')).toContainText('records');

  // Export of the filtered set: one line per record plus the header.
  const countText = (await page.getByTestId('records-count').textContent()) ?? '';
  const total = Number(countText.split(' records')[0]?.replaceAll(',', ''));
  const csv = await (await page.request.get('/records/export?team=platform')).text();
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toContain('id,external_id,phase,started_at');
  expect(lines.length).toBe(total + 1);

  await table.getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Calculation' })).toBeVisible();
  await expect(page.getByTestId('record-formulas')).toContainText('facility kWh = IT × PUE');
  await expect(page.getByTestId('record-formulas')).toContainText(
    'location kg = facility × intensity ÷ 1000',
  );
  await expect(page.getByTestId('record-factors')).toContainText('EWIF (off-site water)');
  // Issue #23: times without ".000Z", the embodied formula with the lifetime as a number (4 years in the demo).
  await expect(page.locator('main')).not.toContainText('.000Z');
  await expect(page.getByTestId('record-formulas')).not.toContainText('÷ lifetime =');
  await expect(page.getByRole('heading', { name: 'Restatement history' })).toBeVisible();

  await page.goto('/records/00000000-0000-4000-8000-000000000000');
  await expect(page.getByText(/not found|404/i).first()).toBeVisible();
});

test('[dashboard] downloading a chart’s data gives its rows as CSV', async ({ page }) => {
  await signIn(page);
  // A fixed range of seeded months: other specs (the CodeCarbon replay in api.spec.ts) add records in Oct 2026.
  await page.goto('/?range=custom&from=2025-10-01&to=2026-09-30');
  // Charts render on the client: once bars are drawn the page is hydrated and buttons work.
  await expect(
    page.getByTestId('emissions-trend-chart').locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  // The seeded teams; an AI-usage upload by another spec (e2e/ai-usage-uploads.spec.ts) may add records without a team.
  const bars = page.getByTestId('breakdown-team').getByRole('listitem');
  await expect(bars.filter({ hasText: /^(Platform|Research|Applied ML|Search)/ })).toHaveCount(4);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Download data \(CSV\).*By team/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('breakdown-team.csv');
  const text = await readFile((await download.path()) as string, 'utf8');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('By team,tCO2e (location-based),Previous period tCO2e');
  expect(lines.length).toBe((await bars.count()) + 1);
  expect(lines.map((l) => l.split(',')[0])).toEqual(
    expect.arrayContaining(['By team', 'Applied ML', 'Platform', 'Research', 'Search']),
  );
  for (const line of lines.slice(1)) {
    expect(Number(line.split(',')[1])).toBeGreaterThan(0);
  }

  await page.goto('/models');
  await expect(page.getByRole('heading', { name: 'Model lifecycle' })).toBeVisible();
  await expect(page.getByTestId('lifecycle-nw-llm-7b')).toContainText('Inference overtook training on');

  // Theme: the toggle sets a cookie the server reads into <html class>, so it survives a reload.
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
});
