import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';

test('[api] the API reference page and openapi.json describe the same endpoints; the JSON API answers a session', async ({
  page,
}) => {
  await signIn(page, 'viewer');
  await page.getByRole('link', { name: 'API', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'API reference' })).toBeVisible();
  const endpoints = page.getByRole('navigation', { name: 'Endpoints' });
  await expect(endpoints.getByRole('link', { name: 'POST /api/v1/estimate' })).toBeVisible();
  await expect(endpoints.getByRole('link', { name: 'GET /api/v1/summary' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'UsageRecordInput' })).toBeVisible();

  const doc = await (await page.request.get('/api/v1/openapi.json')).json();
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/v1/estimate',
      '/api/v1/records',
      '/api/v1/summary',
      '/api/v1/uploads/{id}',
    ]),
  );

  // The browser session authenticates the JSON API too (demo data: 2025-05..2026-10).
  const summary = await page.request.get('/api/v1/summary?from=2026-01-01&to=2026-03-31&groupBy=month');
  expect(summary.status()).toBe(200);
  const body = await summary.json();
  expect(body.groups.map((g: { key: string }) => g.key)).toEqual(['2026-01', '2026-02', '2026-03']);
  expect(body.groups[0].locationKgCo2e).toBeGreaterThan(0);
});
