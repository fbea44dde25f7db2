import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';

// Issue #21: AI-service usage exports through the upload page, then the AI service filter (records explorer) and the
// overview's AI-service breakdown and scope row.
const exports = path.resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'usage-exports');
const PROCESSING = { timeout: 60_000 };
test.describe.configure({ timeout: 180_000 });

test('[ai-usage] an OpenAI and an Anthropic export upload, are filterable by AI service and split on the overview', async ({
  page,
}) => {
  await signIn(page, 'editor');
  for (const [file, records] of [
    ['openai_dashboard_usage_export.synthetic.csv', 2],
    ['anthropic_usage_report_messages.synthetic.json', 2],
  ] as const) {
    await page.goto('/uploads');
    await page.locator('#upload-file').setInputFiles(path.join(exports, file));
    await expect(page.getByTestId('detected-format')).toHaveText('AI-service usage export (tokens by model)');
    await page.getByRole('button', { name: `Upload ${file}` }).click();
    await expect(page.getByTestId('upload-result')).toContainText(
      `Upload complete: ${records} records imported from ${file}.`,
      PROCESSING,
    );
  }
  // The filter bar's "AI service" filter names the services (never their codes).
  await page.goto('/records?range=all');
  await page.getByTestId('filter-aiService').locator('summary').click();
  await page.getByRole('checkbox', { name: 'Anthropic API' }).check();
  await expect(page).toHaveURL(/[?&]aiService=anthropic/);
  await expect(page.getByTestId('records-count')).toContainText('2 records');
  await expect(page.getByTestId('records-table')).toContainText('Anthropic API');

  // The overview: a breakdown by AI service with both services, and AI services as their own Scope 3 Cat 1 row.
  await page.goto('/?range=all');
  const byService = page.getByTestId('breakdown-aiService');
  await expect(byService).toContainText('OpenAI API');
  await expect(byService).toContainText('Anthropic API');
  await expect(page.getByTestId('scope-split')).toContainText('Scope 3 Cat 1: AI services');
});
