import { expect, test } from '@playwright/test';
import { createAiFootprintClient } from '../lib/client/ai-footprint-client';
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

test('[api] the typed client and a replayed CodeCarbon session against the production build', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'editor');
  await page.getByRole('link', { name: 'API tokens' }).click();
  await page.getByLabel('Name').fill('e2e-codecarbon');
  // The form defaults to `read`; a tracker also writes usage.
  await page.getByRole('checkbox', { name: /write:usage/ }).check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
  expect(token).toMatch(/^aif_/);

  // The typed client over real HTTP (Node fetch), with rate-limit headers on the way.
  const api = createAiFootprintClient({ baseUrl: baseURL ?? '', token });
  expect(await api.me()).toMatchObject({ organization: { slug: 'demo' }, via: 'token' });
  const codecarbon = (path: string, body: unknown) =>
    fetch(`${baseURL}/api/codecarbon${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-token': token },
      body: JSON.stringify(body),
    });
  const check = await fetch(`${baseURL}/api/codecarbon/auth/check`, { headers: { 'x-api-token': token } });
  expect(check.status).toBe(200);
  expect(Number(check.headers.get('ratelimit-remaining'))).toBeGreaterThan(0);

  // What `codecarbon` does with api_endpoint = <host>/api/codecarbon: project, experiment, run, deltas, a retry.
  const project = (await (await codecarbon('/projects', { name: 'E2E live runs' })).json()) as { id: string };
  const experiment = await api.createExperiment({
    timestamp: '2026-10-15T09:00:00+02:00',
    name: 'e2e-pretrain',
    project_id: project.id,
    on_cloud: false,
    country_name: 'France',
    country_iso_code: 'FRA',
    pue: 1.2,
  });
  const runResponse = await codecarbon('/runs', {
    timestamp: '2026-10-15T10:00:00.000001+02:00',
    experiment_id: experiment.id,
    codecarbon_version: '3.3.0',
    gpu_count: 4,
    gpu_model: '4 x NVIDIA H100 80GB HBM3',
    tracking_mode: 'machine',
  });
  expect(runResponse.status).toBe(201);
  const run = (await runResponse.json()) as { id: string };
  const post = (minute: number, energy: number) =>
    codecarbon('/emissions', {
      timestamp: `2026-10-15T10:${minute}:00.5+02:00`,
      run_id: run.id,
      duration: 120,
      emissions_sum: energy * 0.05,
      emissions_rate: 0,
      cpu_power: 100,
      gpu_power: 2400,
      ram_power: 50,
      cpu_energy: 0,
      gpu_energy: energy,
      ram_energy: 0,
      energy_consumed: energy,
      wue: 0,
    });
  for (const [minute, energy] of [
    [12, 0.6],
    [14, 0.6],
    [16, 0.3],
    [16, 0.3],
  ] as const) {
    expect((await post(minute, energy)).status).toBe(201);
  }

  const records = [];
  for await (const record of api.iterateRecords({ project: 'e2e-live-runs', limit: 10 })) {
    records.push(record);
  }
  expect(records).toHaveLength(1);
  expect(records[0]?.externalId).toBe(`codecarbon:${run.id}`);
  expect(records[0]?.facilityEnergyKwh).toBeCloseTo(1.5, 9);
  expect(records[0]?.region).toBe('FR');

  // …and on the dashboard's records table.
  await page.goto('/records?range=custom&from=2026-10-01&to=2026-10-31&project=e2e-live-runs');
  // One record in the body (the head and the totals row are rows too).
  const rows = page.getByTestId('records-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Training');
  await expect(rows.first()).toContainText('1.5');
  await expect(rows.first()).toContainText('measured');
});
