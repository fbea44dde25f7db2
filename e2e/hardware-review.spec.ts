import { execFileSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signIn } from './support/sign-in';

// Q2 2026: no other spec freezes it. The asset bought here (4 × H100 at 164 kg) is its only hardware purchase.
const PERIOD = '2026-Q2';

// Three users sign in one after the other (separate browser contexts): more than the default 60 s on a busy machine.
test.describe.configure({ timeout: 240_000 });

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return (await file.path()) ?? '';
}

test('[hardware] register an owned asset; the report books it as Scope 3 Cat 2 in the purchase quarter', async ({
  page,
}) => {
  await signIn(page, 'editor');
  await page.getByRole('link', { name: 'Hardware' }).click();
  await expect(page.getByRole('heading', { name: 'Owned hardware' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Frankfurt H100 inference nodes' })).toBeVisible();

  // Validation: no catalog entry and no figure → field errors, nothing stored.
  await page.getByLabel('Name').fill('Bad asset');
  await page.getByLabel('Units').fill('2');
  await page.getByLabel('Purchase date').fill('2026-05-20');
  await page.getByRole('button', { name: 'Add asset' }).click();
  await expect(
    page.getByText('Pick a catalog accelerator or give the embodied kg CO2e per unit.'),
  ).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Bad asset' })).toHaveCount(0);

  await page.getByLabel('Name').fill('E2E H100 test rack');
  await page.getByLabel('Catalog accelerator').selectOption({ label: 'NVIDIA H100 SXM (164 kg CO2e)' });
  await page.getByLabel('Units').fill('4');
  await page.getByLabel('Purchase date').fill('2026-05-20');
  await page.getByRole('button', { name: 'Add asset' }).click();
  await expect(
    page.getByText('Added “E2E H100 test rack”: 656 kg CO2e booked as Scope 3 Cat 2'),
  ).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'E2E H100 test rack' })).toBeVisible();

  await page.goto(`/reports?period=${PERIOD}`);
  const cat2 = page.locator('[data-table-id="table-c"] tr', { hasText: 'Scope 3 Cat 2 hardware capex' });
  await expect(cat2).toContainText('0.656');
  const register = page.locator('[data-table-id="asset-register"]');
  await expect(register).toContainText('E2E H100 test rack');
  await expect(page.getByRole('heading', { name: '7. Hardware and embodied emissions' })).toBeVisible();
  await expect(page.getByText('No double counting', { exact: false }).first()).toBeVisible();
});

test('[reports] four eyes: editor freezes, admin reviews, auditor approves; the export shows all three', async ({
  browser,
}) => {
  const as = async (role: 'editor' | 'admin' | 'auditor') => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, role);
    await page.goto(`/reports?period=${PERIOD}`);
    return page;
  };
  const editor = await as('editor');
  await editor.getByRole('button', { name: 'Freeze snapshot' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Frozen as version 1 (draft)' })).toBeVisible();
  await expect(editor.getByTestId('workflow-v1')).toHaveText('draft');
  await expect(editor.getByRole('button', { name: 'Review version 1' })).toHaveCount(0);

  const auditorEarly = await as('auditor');
  await expect(auditorEarly.getByRole('button', { name: 'Approve version 1' })).toHaveCount(0);
  await auditorEarly.context().close();

  const admin = await as('admin');
  await admin.getByRole('button', { name: 'Review version 1' }).click();
  await expect(admin.getByTestId('workflow-v1')).toHaveText('reviewed');
  // The reviewer cannot also approve.
  await expect(admin.getByRole('button', { name: 'Approve version 1' })).toHaveCount(0);

  const auditor = await as('auditor');
  await auditor.getByRole('button', { name: 'Approve version 1' }).click();
  await expect(auditor.getByTestId('workflow-v1')).toHaveText('approved');
  await expect(auditor.getByRole('row', { name: /v1/ })).toContainText('Morgan Admin');

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download(auditor, 'Export version 1 as XLSX'));
  const rows: unknown[][] = [];
  workbook.getWorksheet('Sign-off')?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  expect(rows.find((r) => r[0] === 'Preparer')?.[1]).toBe('Riley Editor <editor@aifootprint.local>');
  expect(rows.find((r) => r[0] === 'Reviewer')?.[1]).toBe('Morgan Admin <admin@aifootprint.local>');
  expect(rows.find((r) => r[0] === 'Approver')?.[1]).toBe('Casey Auditor <auditor@aifootprint.local>');
  const tableC: unknown[][] = [];
  workbook
    .getWorksheet('Table C GHG emissions')
    ?.eachRow((r) => tableC.push((r.values as unknown[]).slice(1)));
  const current = (tableC[1] as string[]).indexOf('Q2 2026 (tCO2e)');
  expect(tableC.find((r) => r[0] === 'Scope 3 Cat 2 hardware capex')?.[current]).toBe(0.656);

  const pdf = await download(auditor, 'Export version 1 as PDF');
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Governance and sign-off');
  expect(text).toContain('Morgan Admin');
  expect(text).toContain('Casey Auditor');
  expect(text).toContain('Hardware and embodied emissions');
});

test('[models] families group a fine-tune under its base model, with the overtake point', async ({
  page,
}) => {
  await signIn(page, 'viewer');
  await page.goto('/models');
  const family = page.getByTestId('family-nw-llm');
  await expect(family.getByRole('heading', { name: 'Family nw-llm' })).toBeVisible();
  await expect(family.getByRole('rowheader', { name: '↳ support-assistant-7b' })).toBeVisible();
  await expect(family.getByTestId('lifecycle-support-assistant-7b')).toContainText('nw-llm-7b');
  await expect(family).toContainText(/Inference has (not yet )?overtaken training/);
  // Viewers cannot edit lineage.
  await expect(page.getByRole('form', { name: 'Model lineage' })).toHaveCount(0);
});
