import { expect, test } from '@playwright/test';

import { DEMO_PASSWORD, DEMO_USERS } from './support/sign-in';

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
