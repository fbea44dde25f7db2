import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';

// Issue #21 part 4: the "switch model" what-if and intensity per 1M tokens on an uploaded OpenAI export (the same
// file ai-usage-uploads.spec.ts uploads: re-uploading it changes nothing when that spec ran first).
const exports = path.resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'usage-exports');
test.describe.configure({ timeout: 180_000 });

test('[ai-whatif] switch gpt-4o to gpt-4o-mini by keyboard; intensity per 1M tokens on the overview', async ({
  page,
}) => {
  await signIn(page, 'editor');
  const file = 'openai_dashboard_usage_export.synthetic.csv';
  await page.goto('/uploads');
  await page.locator('#upload-file').setInputFiles(path.join(exports, file));
  await page.getByRole('button', { name: `Upload ${file}` }).click();
  await expect(page.getByTestId('upload-result')).toBeVisible({ timeout: 60_000 });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/records?range=all');
  const panel = page.getByTestId('switch-model-panel');
  await expect(panel.getByRole('heading', { name: 'What if you switched AI model?' })).toBeVisible();
  const usage = panel.getByLabel('AI usage');
  const labels = await usage.locator('option').allTextContents();
  const big = labels.find((l) => l.startsWith('gpt-4o') && !l.includes('mini'));
  expect(big).toContain('OpenAI API');
  await usage.selectOption({ label: big ?? '' });
  await panel.getByLabel('Target model').selectOption('gpt-4o-mini');
  const compare = panel.getByRole('button', { name: 'Compare' });
  await expect(compare).toBeEnabled();
  await compare.focus();
  await page.keyboard.press('Enter');
  const result = panel.getByTestId('what-if-result');
  await expect(result).toBeVisible();
  // gpt-4o-mini needs about 3 % of gpt-4o's energy per output token: a reduction, shown with a minus sign.
  await expect(
    result
      .getByRole('row', { name: /Energy \(facility\)/ })
      .getByRole('cell')
      .nth(2),
  ).toContainText('−');
  await expect(panel.getByTestId('switch-model-cost')).toContainText('not estimated');
  // No sideways scrolling of the page on a 390 px phone (wide tables scroll inside their region).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.goto('/?range=all');
  const card = page.getByRole('region', { name: 'Intensity per 1M tokens by model' });
  await expect(card).toContainText('gpt-4o');
  await expect(card).toContainText('OpenAI API');
});
