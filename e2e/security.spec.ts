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
    // React resets the form when the action completes: wait for it before the next attempt.
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page.getByRole('alert').filter({ hasText: 'incorrect' })).toBeVisible();
  }
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Too many' })).toHaveText(
    'Too many failed attempts; try again in 15 minutes.',
  );
});

test('[security] the audit log: auditors filter and export it; viewers neither see nor open it', async ({
  page,
}) => {
  await signIn(page, 'auditor');
  await page.getByRole('link', { name: 'Audit log' }).first().click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  // The auditor's own sign-in is the newest event.
  await page.getByLabel('Action').selectOption('auth.sign_in.succeeded');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/action=auth.sign_in.succeeded/);
  await expect(page.getByRole('cell', { name: 'auditor@aifootprint.local' }).first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^audit-log-demo-\d{4}-\d{2}-\d{2}\.csv$/);

  await page.context().clearCookies();
  await signIn(page, 'viewer');
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await page.goto('/audit');
  await expect(page.getByText('does not allow reading the audit log')).toBeVisible();
});

test('[security] nonce-based CSP: a fresh nonce per page, on every script; no unsafe-inline; no violations', async ({
  page,
}) => {
  const violations = cspViolations(page);
  const scriptSrc = (csp: string) => /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  const first = await page.goto('/sign-in');
  const csp = first?.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1] ?? '';
  expect(nonce.length).toBeGreaterThanOrEqual(22);
  expect(scriptSrc(csp)).toContain("'strict-dynamic'");
  expect(scriptSrc(csp)).not.toContain('unsafe-inline');
  // Every script Next.js rendered carries this response's nonce (the DOM hides the attribute value: read .nonce).
  const nonces = await page
    .locator('script')
    .evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
  const second = await page.goto('/sign-in');
  expect(second?.headers()['content-security-policy']).not.toContain(nonce);

  // The app still works under the policy: sign in (server action), client navigation, a chart, the theme toggle.
  await signIn(page, 'owner');
  for (const path of [
    '/records',
    '/reports',
    '/factors',
    '/settings/members',
    '/settings/tokens',
    '/audit',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('main')).toBeVisible();
  }
  await page.getByRole('link', { name: 'Overview' }).first().click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  expect(violations).toEqual([]);
});
