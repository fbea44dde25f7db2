import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';

// Issue #23: the energy contracts behind the market-based figures had no page (API only), and nothing said that the
// demo's 250 MWh PJM PPA runs out part-way through the data, after which market-based CO₂e jumps.

test.describe.configure({ timeout: 180_000 });

test('[contracts] an admin sees each contract month by month and when it ran out, adds one and removes it', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Energy contracts', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Energy contracts', level: 1 })).toBeVisible();

  const ppa = page.getByRole('region', { name: /^ppa-us-pjm-/ });
  await expect(ppa).toContainText('PPA');
  await expect(ppa).toContainText('US-MIDA-PJM');
  await expect(ppa).toContainText('250 MWh');
  await expect(ppa).toContainText(/Used up on \d{4}-\d{2}-\d{2}/);
  const months = ppa.getByRole('table', { name: /energy allocated per month/ });
  // The last row leaves nothing: the whole 250 MWh was allocated.
  await expect(months.getByRole('row').last()).toContainText(/0 MWh$/);

  const form = page.getByRole('form', { name: 'Add an energy contract' });
  await form.getByLabel('Instrument').selectOption('GO');
  await form.getByLabel('Reference').fill('E2E-GO-NO1');
  await form.getByLabel('Market (grid zone or country)').fill('NO-NO1');
  await form.getByLabel('First day covered (UTC)').fill('2026-01-01');
  await form.getByLabel('Last day covered (UTC)').fill('2026-12-31');
  await form.getByLabel('Volume (MWh)').fill('5');
  await form.getByLabel('Emission rate (g CO₂e/kWh)').fill('0');
  await form.getByRole('button', { name: 'Add contract' }).click();
  await expect(form.getByRole('status')).toContainText('Added E2E-GO-NO1', { timeout: 90_000 });

  const added = page.getByRole('region', { name: 'E2E-GO-NO1', exact: true });
  await expect(added).toContainText('2026-01-01 – 2026-12-31');
  await expect(added).toContainText('No usage matched yet');
  await added.getByRole('button', { name: 'Remove contract E2E-GO-NO1' }).click();
  await expect(page.getByRole('region', { name: 'E2E-GO-NO1', exact: true })).toHaveCount(0, {
    timeout: 90_000,
  });
});

test('[contracts] a viewer reads the contracts without forms; the market-based trend notes the coverage', async ({
  page,
}) => {
  await signIn(page, 'viewer');
  await page.goto('/energy-contracts');
  await expect(page.getByText('Owners and admins add and remove contracts.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Add an energy contract' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Remove contract/ })).toHaveCount(0);

  await page.goto('/?range=all');
  const note = page.getByRole('list', { name: 'Energy contract coverage' });
  await expect(note).toContainText(
    /PPA ppa-us-pjm-\d{4} \(US-MIDA-PJM\) covered .* and was used up on \d{4}-\d{2}-\d{2}\./,
  );
});
