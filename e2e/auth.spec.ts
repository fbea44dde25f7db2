import { expect, test } from '@playwright/test';

import { DEMO_PASSWORD, DEMO_USERS } from './support/sign-in';

const DEMO_EMAIL = DEMO_USERS.owner;

test('[auth] an unauthenticated visit is redirected to sign-in', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'AI Footprint' })).toBeVisible();
});

test('[auth] a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO_EMAIL);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'incorrect' })).toHaveText(
    'Email or password is incorrect.',
  );
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('[auth] the demo user signs in, sees the CO2e trend chart, and signs out', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO_EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByText('Northwind AI').first()).toBeVisible();

  // The overview defaults to the last 12 months; all time shows the 18 demo months.
  await page.goto('/?range=all');
  const chart = page.getByTestId('emissions-trend-chart');
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  // 18 months of demo data: one stack of bars per month.
  await expect(chart.locator('.recharts-bar').first().locator('.recharts-bar-rectangle')).toHaveCount(18);
  // Every phase with emissions has a legend entry.
  await expect(chart.getByText('Training')).toBeVisible();
  await expect(chart.getByText('Inference')).toBeVisible();

  // The table fallback shows the same months, with non-zero tonnes.
  const trend = page.getByRole('figure', { name: /emissions by phase/ });
  await trend.getByText('Show the data as a table').click();
  const rows = trend.locator('table tbody tr');
  await expect(rows).toHaveCount(18);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});
