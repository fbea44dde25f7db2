import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';

// Markup in names users control (team, project, model, file name) is shown as text, never run: no dialog, no
// injected element, no script side effect, on every page that lists them (docs/RELIABILITY.md).
const HOSTILE = {
  team: '<script>window.__xss=1</script>',
  project: '<img src=x onerror="window.__xss=2">',
  model: '"><svg onload="window.__xss=3">',
  fileName: '<img src=y onerror="window.__xss=4">.csv',
};
const HEADER = 'record_id,phase,started_at,ended_at,team,project,model,provider,region,energy_kwh';
const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
const CSV = `${HEADER}\nxss-1,inference,2026-11-10T00:00:00Z,2026-11-10T06:00:00Z,${quote(HOSTILE.team)},${quote(HOSTILE.project)},${quote(HOSTILE.model)},on_prem,FR,12.5\n`;

test.describe.configure({ timeout: 180_000 });

test('[reliability] markup in team, project, model and file names is rendered inert', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await signIn(page, 'editor');
  const response = await page.request.post(
    `/api/v1/uploads?fileName=${encodeURIComponent(HOSTILE.fileName)}`,
    {
      // A browser sends Origin on every POST; the API refuses cookie-authenticated writes without it (CSRF).
      headers: { 'content-type': 'text/csv', origin: new URL(page.url()).origin },
      data: CSV,
      timeout: 120_000,
    },
  );
  expect(response.status()).toBe(201);

  await page.goto('/records');
  const table = page.getByRole('table', { name: /Usage records/ });
  await expect(table.getByRole('cell', { name: `${HOSTILE.team} · ${HOSTILE.project}` })).toBeVisible();
  await expect(table.getByRole('cell', { name: HOSTILE.model })).toBeVisible();
  for (const path of ['/records', '/uploads', '/', '/models']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss), path).toBeUndefined();
    expect(await page.locator('img[src="x"], img[src="y"], svg[onload]').count(), path).toBe(0);
  }
  await page.goto('/uploads');
  await expect(page.getByRole('table', { name: 'Upload history' }).getByText(HOSTILE.fileName)).toBeVisible();
  expect(dialogs).toEqual([]);
});
