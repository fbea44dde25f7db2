import { expect, test } from '@playwright/test';

import { DEMO_PASSWORD, DEMO_USERS, signIn } from './support/sign-in';

// Issue #23, "Navigation": sign-in returns to the requested page (same-origin only) and a refused attempt keeps
// the email.

async function submit(page: import('@playwright/test').Page, password = DEMO_PASSWORD) {
  await page.getByLabel('Email').fill(DEMO_USERS.viewer);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('[nav] a shared filtered link survives sign-in', async ({ page }) => {
  await page.goto('/records?range=ytd&phase=inference');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await submit(page);
  await expect(page).toHaveURL(/\/records\?range=ytd&phase=inference$/);
  await expect(page.getByRole('heading', { name: 'Records', exact: true })).toBeVisible();
});

for (const hostile of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
  test(`[nav] sign-in refuses to return to ${hostile}`, async ({ page }) => {
    await page.goto(`/sign-in?next=${encodeURIComponent(hostile)}`);
    await submit(page);
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL ?? '').host);
    expect(new URL(page.url()).pathname).toBe('/');
  });
}

test('[nav] a wrong password keeps the email', async ({ page }) => {
  await page.goto('/sign-in');
  await submit(page, 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'incorrect' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(DEMO_USERS.viewer);
});

// Issue #23, "Periods" and the rest of "Navigation". The app's today is 2026-12-06 (e2e/support/e2e-today.ts);
// the demo data runs 2025-05-01 – 2026-10-31.

test('[periods] the default is the 12 complete months, with where data ends and no fake comparison', async ({
  page,
}) => {
  await signIn(page, 'viewer');
  await expect(page.getByText('2025-12-01 – 2026-11-30 · monthly buckets')).toBeVisible();
  await expect(page.getByTestId('data-coverage')).toHaveText(
    'Data from 2025-05-01 to 2026-10-31 · nothing recorded after 2026-10-31 in this range.',
  );
  // The base (Dec 2024 – Nov 2025) has data on 214 of 365 days, this range on 335: no "+201 %".
  const location = page.getByRole('region', { name: 'Location-based' });
  await expect(location.getByTestId('kpi-not-comparable')).toHaveText(
    'not comparable: data on 335 of 365 days vs 214 of 365 in the previous period',
  );
  await expect(location).not.toContainText('vs previous period');
});

test('[periods] year to date marks the month under way as partial and the months without data', async ({
  page,
}) => {
  await signIn(page, 'viewer');
  await page.goto('/?range=ytd');
  await expect(page.getByText('2026-01-01 – 2026-12-06 · monthly buckets')).toBeVisible();
  const energy = page.getByRole('figure', { name: /Facility energy/ });
  await energy.getByText('Show the data as a table').click();
  await expect(energy.locator('table tbody tr')).toHaveCount(12);
  await expect(energy.locator('table tbody tr').nth(9)).toContainText('complete');
  await expect(energy.locator('table tbody tr').nth(10)).toContainText('no data');
  await expect(energy.locator('table tbody tr').nth(11)).toContainText('partial');
});

test('[periods] a chosen quarter shows the report’s scope split and measured share', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.getByLabel('Date range').selectOption('quarter');
  await page.getByRole('combobox', { name: /^Quarter/ }).selectOption('2026-Q3');
  await expect(page).toHaveURL(/range=quarter&quarter=2026-Q3/);
  await expect(page.getByText('2026-07-01 – 2026-09-30 · weekly buckets')).toBeVisible();
  // The report's data-quality definition (share of IT energy, one decimal): 14.9 % on the fresh demo data, not the
  // 18 % the overview showed. Other specs move the organisation's time zone (factors.spec.ts), which shifts the
  // quarter's edges by an hour; the figure-by-figure equality with the report is the integration test
  // tests/integration/overview-equals-report.test.ts.
  await expect(page.getByTestId('measured-share')).toHaveText(/^14\.\d % of IT energy measured$/);
  const scopes = page.getByTestId('scope-split');
  await expect(scopes.getByRole('rowheader', { name: 'Scope 3 Cat 1: AI services' })).toBeVisible();
  await expect(scopes).toContainText('Previous (2026-04-01 – 2026-06-30)');
});

test('[nav] a trend bar opens its bucket’s records; the basis toggle lives in the URL', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.getByRole('group', { name: 'Scope 2 method' }).getByText('Market-based').click();
  await expect(page).toHaveURL(/basis=market/);
  // Every link built from the filters keeps it, e.g. a breakdown bar.
  const bar = page.getByTestId('breakdown-team').getByRole('link').first();
  await expect(bar).toHaveAttribute('href', /basis=market/);
  await page.getByText('Open the records of a bar').click();
  await page.getByTestId('trend-records-links').getByRole('link', { name: 'Oct 26' }).click();
  await expect(page).toHaveURL(/\/records\?range=custom&from=2026-10-01&to=2026-10-31.*basis=market/);
  await expect(page.getByTestId('records-totals')).toContainText('records (all pages)');
});

test('[nav] "← All records" keeps the filters; a team filter shows only that team’s budget', async ({
  page,
}) => {
  await signIn(page, 'viewer');
  await page.goto('/records?team=platform&phase=inference');
  await page.getByTestId('records-table').getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Calculation' })).toBeVisible();
  await page.getByRole('link', { name: '← All records' }).click();
  await expect(page).toHaveURL(/\/records\?team=platform&phase=inference/);

  // The demo's only budget is Platform's.
  await page.goto('/?team=platform');
  await expect(page.getByRole('heading', { name: 'Platform · 2026-Q4' })).toBeVisible();
  await page.goto('/?team=research');
  await expect(page.getByRole('region', { name: 'Key figures' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Platform · 2026-Q4' })).toHaveCount(0);
});
