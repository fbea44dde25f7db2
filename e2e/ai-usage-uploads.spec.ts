import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support/sign-in';

// Issue #21: AI-service usage exports through the upload page, then the AI service filter (records explorer) and the
// overview's AI-service breakdown and scope row.
const exports = path.resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'usage-exports');
const PROCESSING = { timeout: 60_000 };
test.describe.configure({ timeout: 180_000 });

/** The records explorer's count ("1,234 records") under the filter bar's AI service `label`, over all dates. */
async function recordsOfService(page: Page, label: string): Promise<number> {
  // The filter bar's "AI service" filter names the services (never their codes).
  await page.goto('/records?range=all');
  await page.getByTestId('filter-aiService').locator('summary').click();
  await page.getByRole('checkbox', { name: label }).check();
  await expect(page).toHaveURL(/[?&]aiService=/);
  await expect(page.getByTestId('records-table')).toContainText(label);
  const text = (await page.getByTestId('records-count').textContent()) ?? '';
  return Number(text.split(' records')[0]?.replaceAll(',', ''));
}

test('[ai-usage] an OpenAI and an Anthropic export upload, are filterable by AI service and split on the overview', async ({
  page,
}) => {
  await signIn(page, 'editor');
  // The demo organisation already has a year of Anthropic API usage (lib/demo/generate-ai-usage.ts): 2 × 365 days.
  const before = await recordsOfService(page, 'Anthropic API');
  expect(before).toBeGreaterThanOrEqual(730);
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
  expect(await recordsOfService(page, 'Anthropic API')).toBe(before + 2);

  // The overview: a breakdown by AI service with both services, and AI services as their own Scope 3 Cat 1 row.
  await page.goto('/?range=all');
  const byService = page.getByTestId('breakdown-aiService');
  await expect(byService).toContainText('OpenAI API');
  await expect(byService).toContainText('Anthropic API');
  await expect(page.getByTestId('scope-split')).toContainText('Scope 3 Cat 1: AI services');
});

test('[ai-usage] the demo’s API usage shows in the overview’s model breakdown and leads to its records', async ({
  page,
}) => {
  await signIn(page, 'viewer');
  // Research (≤ 8 models, so every one has a bar): its Claude Sonnet 4.5 usage (lib/demo/generate-ai-usage.ts).
  await page.goto('/?team=research');
  const bar = page
    .getByTestId('breakdown-model')
    .getByRole('link', { name: /^claude-sonnet-4-5-20250929: [\d.,]+ tCO2e/ });
  await expect(bar).toBeVisible();
  await bar.click();
  await expect(page).toHaveURL(/\/records\?.*model=claude-sonnet-4-5-20250929/);
  await expect(page.getByTestId('records-table').getByRole('row').nth(1)).toContainText('Anthropic API');
});
