import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';

// Demo data runs to 2026-10-31 and the clock is in 2026-Q4, so the Research team has emissions this quarter.
test('[targets] a team budget shows its burn-down and an alert banner that can be dismissed', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Targets', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Targets and budgets' })).toBeVisible();

  const form = page.getByRole('form', { name: 'New budget' });
  await form.getByLabel('Team').selectOption({ label: 'Research' });
  await form.getByLabel('Period').selectOption('quarter');
  await form.getByLabel('Basis').selectOption('location');
  await form.getByLabel('Budget (kg CO2e)').fill('1000');
  await form.getByRole('button', { name: 'Create budget' }).click();
  await expect(page.getByText('Budget saved.')).toBeVisible();
  const row = page.getByRole('row', { name: /Research/ });
  await expect(row).toContainText('2026-Q4');

  await page.getByRole('link', { name: 'Overview' }).click();
  const budgets = page.getByRole('region', { name: 'Carbon budgets' });
  await expect(budgets.getByRole('heading', { name: 'Research · 2026-Q4' })).toBeVisible();
  // The demo seed's Platform budget is listed too (cards by team name: Platform, then Research).
  await expect(budgets.getByRole('heading', { name: 'Platform · 2026-Q4' })).toBeVisible();
  await expect(budgets.getByTestId('burn-down-chart').locator('.recharts-line').first()).toBeVisible();
  await budgets.getByText('Show the data as a table').first().click();
  await expect(budgets.getByRole('columnheader', { name: 'Linear allowance (kg CO2e)' })).toBeVisible();

  // 1 t budget vs several tonnes already emitted in October: the 100 % alert supersedes the 80 % one. Alerts are
  // evaluated once the save responded (Next `after`, lib/server/access/auth-context.ts), so the banner shows from a later view.
  const banner = page.getByRole('region', { name: 'Budget alerts' });
  await expect(async () => {
    await page.reload();
    await expect(banner).toContainText('Research: carbon budget exhausted in 2026-Q4', { timeout: 1000 });
  }).toPass();
  await banner.getByRole('button', { name: 'Dismiss budget alert for Research' }).click();
  await expect(page.getByRole('region', { name: 'Budget alerts' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Budget alerts' })).toHaveCount(0);

  // Viewers read targets but get no forms; the budget is removed so later specs see a clean dashboard.
  await page.goto('/targets');
  await page.getByRole('button', { name: 'Delete budget of Research' }).click();
  await expect(page.getByRole('button', { name: 'Delete budget of Research' })).toHaveCount(0);
  // Only the demo seed's Platform budget remains.
  await expect(page.getByRole('button', { name: /^Delete budget of / })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Delete budget of Platform' })).toBeVisible();
});

test('[targets] an organisation target computes its base from data and shows progress per year', async ({
  page,
}) => {
  await signIn(page, 'owner');
  await page.goto('/targets');
  const form = page.getByRole('form', { name: 'New target' });
  await form.getByLabel('Name').fill('Halve AI emissions');
  await form.getByLabel('Scope').selectOption({ label: 'Organisation' });
  await form.getByLabel('Metric').selectOption('absolute');
  await form.getByLabel('Period').selectOption('year');
  await form.getByLabel('Basis').selectOption('location');
  await form.getByLabel('Base year').fill('2025');
  await form.getByLabel('Target year').fill('2030');
  await form.getByLabel('Target value').fill('1');
  await form.getByRole('button', { name: 'Create target' }).click();
  await expect(page.getByText('Target “Halve AI emissions” saved (base value computed).')).toBeVisible();

  const card = page.getByRole('region', { name: 'Halve AI emissions' });
  await expect(card).toContainText(/base 2025: [\d.,]+ \(computed from \d+ records\)/);
  // The base year is the reference itself (issue #23): never judged on or off track against itself.
  await expect(card.getByRole('row', { name: /^2025/ })).toContainText('base year');
  await expect(card.getByRole('row', { name: /^2026 \(in progress\)/ })).toBeVisible();
  await expect(card.getByTestId('target-trajectory-chart')).toBeVisible();

  await card.getByRole('button', { name: 'Delete target Halve AI emissions' }).click();
  await expect(page.getByRole('region', { name: 'Halve AI emissions' })).toHaveCount(0);
  // The demo seed's −30 % target remains.
  await expect(page.getByRole('region', { name: /^−30 % location-based/ })).toBeVisible();
});

test('[targets] viewers can read targets but not manage them', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto('/targets');
  await expect(page.getByRole('heading', { name: 'Targets and budgets' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'New budget' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'New target' })).toHaveCount(0);
});
