import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';

// Server-side processing loads the organisation's factor library (~100k grid factors) per upload: allow time.
const PROCESSING = { timeout: 60_000 };
test.describe.configure({ timeout: 180_000 });

const HEADER =
  'record_id,phase,started_at,ended_at,model,provider,region,accelerator,accelerator_count,utilization,pue';

/** Two 10-hour runs on one device at full utilisation and PUE 1: each is the device's TDP × 10 h. */
function file(name: string, gpu: string, model: string) {
  const rows = [1, 2].map(
    (i) =>
      `${model}-${i},training,2025-06-0${i}T00:00:00Z,2025-06-0${i}T10:00:00Z,${model},on_prem,FR,${gpu},1,1,1`,
  );
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${rows.join('\n')}\n`) };
}

test('[uploads] an unknown GPU name is mapped in the preview, stored resolved, and known to the next upload', async ({
  page,
}) => {
  const gpu = `Lab Card ${randomUUID().slice(0, 6)}`;
  const model = `review-${randomUUID().slice(0, 8)}`;
  await signIn(page, 'editor');
  await page.goto('/uploads');

  // 1. The preview lists the file's names; the unknown GPU is highlighted and blocks the upload.
  await page.locator('#upload-file').setInputFiles(file('first.csv', gpu, model));
  const review = page.getByTestId('names-review');
  const unknown = review.getByTestId('name-unresolved');
  await expect(unknown).toHaveCount(1);
  await expect(unknown).toContainText(gpu);
  await expect(unknown).toContainText('Not recognised');
  await expect(review.getByTestId('name-resolved')).toContainText('Grid zone FR');
  const upload = page.getByRole('button', { name: 'Upload first.csv' });
  await expect(upload).toBeDisabled();
  await expect(page.getByText('One name is not recognised: map it above first')).toBeVisible();

  // 2. One step: choose the catalog entry and save the mapping; the review re-runs and the upload is allowed.
  await page.getByLabel(`Map ${gpu} to`).selectOption({ label: 'NVIDIA H100 SXM' });
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(review.getByTestId('name-unresolved')).toHaveCount(0);
  await expect(review.getByRole('row', { name: new RegExp(gpu) })).toContainText('NVIDIA H100 SXM');
  await expect(review.getByRole('row', { name: new RegExp(gpu) })).toContainText(
    'Your organisation’s mapping',
  );
  await expect(upload).toBeEnabled();

  // 3. The upload stores both rows resolved: 1 device × 10 h × 700 W (H100 SXM TDP) = 7 kWh each, PUE 1.
  await upload.click();
  const result = page.getByTestId('upload-result');
  await expect(result).toContainText('Upload complete: 2 records imported from first.csv.', PROCESSING);
  await result.getByRole('link', { name: 'View these 2 records' }).click();
  await expect(page.getByTestId('records-count')).toHaveText(/^2 records/);
  const table = page.getByTestId('records-table');
  await expect(table.getByRole('row', { name: new RegExp(model) })).toHaveCount(2);
  // The facility energy column, found by its header (the table gained an AI service column in issue #21).
  const headers = await table.locator('thead th').allTextContents();
  const energyColumn = headers.findIndex((h) => h.startsWith('Facility kWh'));
  expect(energyColumn).toBeGreaterThan(0);
  for (const row of await table.getByRole('row', { name: new RegExp(model) }).all()) {
    await expect(row.getByRole('cell').nth(energyColumn)).toHaveText('7');
  }

  // 4. The mapping is listed on the Factors page.
  await page.goto('/factors');
  const mappings = page.getByRole('table', { name: 'Name mappings' });
  await expect(mappings.getByRole('row', { name: new RegExp(gpu) })).toContainText('NVIDIA H100 SXM');

  // 5. The next upload of the same name needs no mapping.
  await page.goto('/uploads');
  await page.locator('#upload-file').setInputFiles(file('second.csv', gpu, `${model}-b`));
  await expect(page.getByTestId('names-review').getByRole('row', { name: new RegExp(gpu) })).toContainText(
    'NVIDIA H100 SXM',
  );
  await expect(page.getByTestId('names-review').getByTestId('name-unresolved')).toHaveCount(0);
  await page.getByRole('button', { name: 'Upload second.csv' }).click();
  await expect(page.getByTestId('upload-result')).toContainText(
    'Upload complete: 2 records imported from second.csv.',
    PROCESSING,
  );
});
