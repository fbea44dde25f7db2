import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';

// Issue #21 part 2: AI-service usage exports through the upload page, then the records explorer's AI service filter.
const exports = path.resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'usage-exports');
const PROCESSING = { timeout: 60_000 };
test.describe.configure({ timeout: 180_000 });

test('[ai-usage] an OpenAI and an Anthropic export upload and are filterable by AI service', async ({
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
  await page.goto('/records?range=all');
  const filter = page.getByRole('navigation', { name: 'AI service' });
  await filter.getByRole('link', { name: 'Anthropic API' }).click();
  await expect(page.getByTestId('records-count')).toContainText('2 records');
  await expect(page.getByTestId('records-table')).toContainText('Anthropic API');
});
