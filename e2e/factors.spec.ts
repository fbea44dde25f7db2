import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';

test('[factors] an admin adds a grid-factor override for FR: records are restated and the override is listed', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Factors' }).click();
  await expect(page.getByRole('heading', { name: 'Factors', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Grid carbon-intensity datasets' })).toBeVisible();

  // The library comes first; the forms open from a button (issue #23).
  await expect(page.getByRole('form', { name: 'Add a grid-factor override' })).toBeHidden();
  await page.locator('summary', { hasText: 'Add an override' }).click();
  const form = page.getByRole('form', { name: 'Add a grid-factor override' });
  await form.getByLabel('Grid zone').fill('FR');
  await form.getByLabel('Intensity (g CO2e/kWh)').fill('20');
  await form.getByLabel('Basis').selectOption('lifecycle');
  await form.getByLabel('Valid from').fill('2025-01-01');
  await form.getByLabel('Valid until (exclusive)').fill('2027-01-01');
  await form.getByLabel('Source').fill('E2E supplier disclosure');
  await form.getByRole('button', { name: 'Add grid factor' }).click();

  const result = form.getByRole('status').filter({ hasText: 'Grid-factor override added' });
  await expect(result).toContainText(
    /records recomputed: [\d,]+ changed, [\d,]+ restatement entries written/,
    {
      timeout: 60_000,
    },
  );
  const restated = Number(
    (await result.textContent())?.match(/([\d,]+) restatement entries/)?.[1]?.replace(/,/g, ''),
  );
  expect(restated).toBeGreaterThan(0);

  const overrides = page.getByRole('table', { name: 'Organisation overrides' });
  await expect(overrides.getByRole('row', { name: /FR/ })).toContainText('20 g CO2e/kWh (lifecycle)');
  await expect(overrides).toContainText('Organisation override: E2E supplier disclosure');

  await page.getByLabel('Search by grid zone or region').fill('FR');
  await page.getByRole('button', { name: 'Search' }).click();
  const zone = page.getByRole('table', { name: 'Grid factors for zone “FR”' });
  await expect(zone.getByRole('row', { name: /2025-01-01 → 2027-01-01/ })).toContainText('(override)');

  await page.getByRole('button', { name: 'Delete override FR 2025-01-01' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Override deleted.' })).toContainText(
    /restatement entries written/,
    { timeout: 60_000 },
  );
  await expect(page.getByText('No overrides: every value comes from the bundled datasets.')).toBeVisible();
});

test('[factors] a viewer sees the library but no override form, and settings are read-only', async ({
  page,
}) => {
  await signIn(page, 'viewer');
  await page.goto('/factors');
  await expect(page.getByRole('heading', { name: 'Organisation overrides' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Accelerators' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Add a grid-factor override' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Delete override/ })).toHaveCount(0);

  await page.goto('/settings/organization');
  await expect(page.getByText('Read-only: only owners and admins')).toBeVisible();
  await expect(page.getByLabel('Default factor basis')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
});

test('[settings] an admin switches the basis to direct and sees the restatement count', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/settings/organization');
  await page.getByLabel('Default factor basis').selectOption('direct');
  await page.getByLabel('Time zone (IANA, used for quarters and reports)').fill('Europe/Paris');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toContainText(
    /restatement entries written/,
    { timeout: 60_000 },
  );
  await page.reload();
  await expect(page.getByRole('table', { name: 'Restatement log' })).toContainText(
    'basis lifecycle → direct',
  );
  await page.getByLabel('Time zone (IANA, used for quarters and reports)').fill('Mars/Olympus');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Use an IANA time-zone name')).toBeVisible();
});

test('[factors] the data sources page shows the bundled attributions and licences', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto('/factors');
  await page.getByRole('link', { name: 'Data sources and licences' }).click();
  await expect(page.getByRole('heading', { name: 'Data sources and licences', level: 1 })).toBeVisible();
  // Issue #23: a page for users (provider, use, licence, credit line), not the repository's provenance files.
  const table = page.getByRole('table', { name: /Bundled factor data/ });
  await expect(table.getByRole('row', { name: /Electricity Maps/ })).toContainText(
    'Contains data from Electricity Maps',
  );
  await expect(page.locator('main')).not.toContainText('SOURCES.md');
  await expect(page.locator('main')).not.toContainText('reference/');
  await expect(page.getByText('CC BY 4.0').first()).toBeVisible();
  await expect(page.getByText('ODbL 1.0').first()).toBeVisible();
  await expect(page.getByText('Apache-2.0').first()).toBeVisible();
});

test('[factors] the AI model repository: version and licence, searchable and paged by keyboard', async ({
  page,
}) => {
  await signIn(page, 'viewer');
  await page.goto('/factors');
  const about = page.getByTestId('model-repository-about');
  await expect(about).toContainText('EcoLogits 0.9.1');
  await expect(about).toContainText('Mozilla Public License 2.0 (MPL-2.0)');

  // Search from the keyboard: claude-3-5-sonnet-20240620 is a closed MoE model of 44–132 B active, 440 B total
  // parameters (reference/ecologits/models.json), its size estimated.
  await page.getByLabel('Search models by name or provider').fill('claude-3-5-sonnet-20240620');
  await page.getByLabel('Search models by name or provider').press('Enter');
  const table = page.getByRole('table', { name: 'Models of the repository' });
  const row = table.getByRole('row', { name: /claude-3-5-sonnet-20240620/ });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell')).toHaveText(['Anthropic', '44–132', '440', 'Estimated']);

  // Mistral's open 7B model publishes its size: 7.3 B, dense.
  await page.getByLabel('Search models by name or provider').fill('open-mistral-7b');
  await page.getByRole('button', { name: 'Find models' }).click();
  await expect(table.getByRole('row', { name: /open-mistral-7b/ }).getByRole('cell')).toHaveText([
    'Mistral AI',
    '7.3',
    '7.3',
    'Published',
  ]);

  // Without a search the list is paged; the next page is a link.
  await page.locator('#model-repository').getByRole('link', { name: 'Clear' }).click();
  await expect(page.getByText(/page 1 of \d+/)).toBeVisible();
  await page.getByRole('link', { name: 'Next models' }).click();
  await expect(page.getByText(/page 2 of \d+/)).toBeVisible();

  // The licence text shipped with the files.
  await page.getByRole('link', { name: 'its licence text' }).click();
  await expect(page.getByTestId('licence-text')).toContainText('Mozilla Public License Version 2.0');
});
