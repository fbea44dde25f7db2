import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';

const files = path.resolve(import.meta.dirname, 'files');
// Server-side processing loads the organisation's factor library (~100k grid factors) per upload: allow time.
const PROCESSING = { timeout: 60_000 };
test.describe.configure({ timeout: 180_000 });

test('[uploads] the generic example uploads with progress, a summary and a history row', async ({ page }) => {
  await signIn(page, 'editor');
  await page.goto('/uploads');
  await page.locator('#upload-file').setInputFiles(path.join(files, 'generic/example.csv'));
  await expect(page.getByTestId('detected-format')).toHaveText('Generic template v1.1');
  await expect(page.getByText('5 record(s) read from the start of the file.')).toBeVisible();
  // The transfer state is shown while the request runs. A 5-row file completes in milliseconds on a fast machine, so
  // the request is held until the state has been seen, then released (it was a race in CI before).
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/api\/v1\/uploads\?/, async (route) => {
    if (route.request().method() === 'POST') {
      await held;
    }
    await route.continue();
  });
  await page.getByRole('button', { name: 'Upload example.csv' }).click();
  await expect(page.getByText(/Sending…|Processing on the server/).first()).toBeVisible();
  release();
  await page.unrouteAll({ behavior: 'wait' });
  const result = page.getByTestId('upload-result');
  await expect(result).toContainText('Upload complete: 5 records imported from example.csv.', PROCESSING);
  await expect(page.getByTestId('summary-records')).toHaveText('5');
  await expect(result).toContainText('kg CO2e');
  const history = page.getByRole('table', { name: 'Upload history' });
  await expect(history.getByRole('row', { name: /example\.csv/ })).toContainText('completed');

  // The same file again is recognised and adds nothing.
  await page.getByRole('button', { name: 'Upload example.csv' }).click();
  await expect(result).toContainText('This file was already uploaded', PROCESSING);
});

test('[uploads] a CodeCarbon file shows CodeCarbon’s own total beside ours and, per run, why they differ', async ({
  page,
}) => {
  await signIn(page, 'editor');
  await page.goto('/uploads');
  await page.locator('#upload-file').setInputFiles(path.join(files, 'codecarbon/examples_emissions.csv'));
  await expect(page.getByTestId('detected-format')).toHaveText('CodeCarbon emissions.csv');
  // Lines 6 and 7 have no measurement: import the 19 valid runs.
  await page.getByLabel(/Import valid rows only/).check();
  await page.getByRole('button', { name: 'Upload examples_emissions.csv' }).click();
  const result = page.getByTestId('upload-result');
  await expect(result).toContainText('Upload complete: 19 records imported', PROCESSING);
  const comparison = page.getByTestId('codecarbon-comparison');
  // CodeCarbon's total summed by hand from the file (docs/CSV_FORMAT.md §4): 0.00019537 kg.
  await expect(comparison).toContainText('CodeCarbon reported 0.000195 kg CO2e for these 19 runs');
  await comparison.getByText(/run\(s\) differ from CodeCarbon by more than 10 %/).click();
  const reasons = page.getByTestId('codecarbon-differences');
  await expect(reasons.getByRole('listitem').first()).toContainText('Line 2: CodeCarbon');
  await expect(reasons.getByRole('listitem').first()).toContainText(
    'Grid intensity: CodeCarbon used 84.9 gCO2e/kWh',
  );
  // Plain language only: no flag codes or repository paths.
  await expect(comparison).not.toContainText(/[A-Z]{2,}_[A-Z_]{2,}|lib\//);
});

test('[uploads] a bad file stores nothing and its error report downloads as CSV', async ({ page }) => {
  await signIn(page, 'editor');
  await page.goto('/uploads');
  await page.locator('#upload-file').setInputFiles(path.join(files, 'generic/bad-date.csv'));
  await page.getByRole('button', { name: 'Upload bad-date.csv' }).click();
  const result = page.getByTestId('upload-result');
  await expect(result).toContainText('bad-date.csv: 1 error(s) — nothing was stored.', PROCESSING);
  await expect(result.getByRole('row', { name: /started_at/ })).toContainText('3');
  const downloadPromise = page.waitForEvent('download');
  await result.getByRole('link', { name: 'Download error report (CSV)' }).click();
  const download = await downloadPromise;
  const csv = readFileSync((await download.path()) as string, 'utf8');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toBe('file,line,column,message');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^bad-date\.csv,3,started_at,/);
  expect(lines[1]).toContain('2025-02-31');
});

test('[uploads] an unknown header is mapped to template fields, saved as a preset and imported', async ({
  page,
}) => {
  await signIn(page, 'editor');
  await page.goto('/uploads');
  await page.locator('#upload-file').setInputFiles(path.join(files, 'generic/slurm-export.csv'));
  await expect(page.getByTestId('detected-format')).toContainText('Unknown header');
  const map = async (column: string, field: string) =>
    page.getByLabel(`Field for column ${column}`, { exact: true }).selectOption(field);
  await map('job', 'recordId');
  await map('kind', 'phase');
  await map('begin', 'startedAt');
  await map('finish', 'endedAt');
  await map('where', 'region');
  await map('gpu', 'accelerator');
  await map('gpus', 'acceleratorCount');
  await map('energy_wh', 'energyKwh');
  await page.getByLabel('Unit for column energy_wh').selectOption('Wh');
  await expect(page.getByTestId('detected-format')).toHaveText('Mapped columns');
  await expect(page.getByText('2 record(s) read from the start of the file.')).toBeVisible();
  await page.getByLabel('Save this mapping as a preset').fill('Slurm export');
  await page.getByRole('button', { name: 'Save preset' }).click();
  await expect(page.getByText('Preset “Slurm export” saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Upload slurm-export.csv' }).click();
  await expect(page.getByTestId('upload-result')).toContainText(
    'Upload complete: 2 records imported',
    PROCESSING,
  );
  await expect(
    page.getByRole('table', { name: 'Upload history' }).getByRole('row', { name: /slurm-export\.csv/ }),
  ).toContainText('mapped');
});

test('[uploads] a large file shows server-side processing progress and can be cancelled', async ({
  page,
}) => {
  const rows = Array.from(
    { length: 40_000 },
    (_, i) =>
      `big-${i},inference,2026-02-01T${String(i % 24).padStart(2, '0')}:00:00Z,2026-02-01T${String(i % 24).padStart(2, '0')}:30:00Z,aws,us-east-1,NVIDIA L4,1,0.5`,
  );
  const csv = `record_id,phase,started_at,ended_at,provider,region,accelerator,accelerator_count,accelerator_hours\n${rows.join('\n')}\n`;
  await signIn(page, 'editor');
  await page.goto('/uploads');
  await page
    .locator('#upload-file')
    .setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('detected-format')).toHaveText('Generic template v1.1');
  await page.getByRole('button', { name: 'Upload big.csv' }).click();
  // Rows counted by the server while it processes (polled from GET /api/v1/uploads/{id}/progress).
  await expect(page.getByTestId('processing-progress')).toContainText(/[1-9][\d,]* rows read/, PROCESSING);
  // An accessible bar of rows read out of the file's (estimated) rows, with the time left once known.
  const bar = page.getByRole('progressbar', { name: /rows read of (about )?[1-9][\d,]*/ });
  await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9]\d*$/, PROCESSING);
  await expect(bar).toHaveAttribute('aria-valuetext', /of (about )?[1-9][\d,]* rows/);
  await page.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(page.getByText('The upload was cancelled; nothing was stored.')).toBeVisible(PROCESSING);
  await page.reload();
  await expect(page.getByRole('table', { name: 'Upload history' })).not.toContainText('big.csv');
});
