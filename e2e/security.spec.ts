import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support/sign-in';

const REQUIRED = {
  'content-security-policy': /frame-ancestors 'none'.*/,
  'referrer-policy': /^strict-origin-when-cross-origin$/,
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^DENY$/,
  'permissions-policy': /camera=\(\)/,
};

function expectSecurityHeaders(headers: Record<string, string>) {
  for (const [name, pattern] of Object.entries(REQUIRED)) {
    expect(headers[name], name).toMatch(pattern);
  }
  expect(headers['content-security-policy']).toContain("object-src 'none'");
  expect(headers['content-security-policy']).not.toContain('unsafe-eval');
}

/** Collects CSP violations the browser reports in the console. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}

test('[security] headers on the sign-in page, API responses and signed-in pages; no CSP violation', async ({
  page,
  request,
}) => {
  const violations = cspViolations(page);
  const signInResponse = await page.goto('/sign-in');
  expectSecurityHeaders(signInResponse?.headers() ?? {});
  for (const path of ['/api/health', '/api/v1/me']) {
    const response = await request.get(path);
    expectSecurityHeaders(response.headers());
  }
  await signIn(page, 'owner');
  for (const path of ['/', '/records', '/reports', '/factors', '/audit']) {
    const response = await page.goto(path);
    expectSecurityHeaders(response?.headers() ?? {});
  }
  // The charts render (inline styles allowed) and nothing was blocked.
  await page.goto('/?range=all');
  await expect(
    page.getByTestId('emissions-trend-chart').locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  expect(violations).toEqual([]);
});

test('[security] five failed sign-ins lock the email with a clear message', async ({ page }) => {
  // An address no demo test uses, so the 15-minute lock cannot disturb other specs.
  const email = 'locked-out@aifootprint.local';
  await page.goto('/sign-in');
  for (let i = 0; i < 5; i += 1) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'incorrect' })).toBeVisible();
  }
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Too many' })).toHaveText(
    'Too many failed attempts; try again in 15 minutes.',
  );
});
