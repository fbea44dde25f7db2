import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
  const table = page.getByTestId('records-table');
  await expect(table.getByRole('row').nth(1)).toContainText('Anthropic API');
  // Where: the export names no region, so the record has Anthropic's EcoLogits mix zone, USA (ISO alpha-3 of the
  // United States); the explorer names the country and prints no provider "Other" (lib/format/place-label.ts).
  const headers = await table.locator('thead th').allTextContents();
  const where = headers.findIndex((h) => h.startsWith('Where'));
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(where)).toHaveText('United States');
  // The record's calculation names the AI-services method and its tokens, never a meter (estimated energy).
  await table.getByRole('row').nth(1).getByRole('link').first().click();
  const formulas = page.getByTestId('record-formulas');
  await expect(formulas).toContainText('IT energy (AI-services method)');
  await expect(formulas).toContainText(
    /EcoLogits 0\.9\.1 energy of [\d,]+ output tokens of claude-sonnet-4-5/,
  );
  await expect(formulas).toContainText("embodied kg = the method's share of the servers' manufacture");
  await expect(formulas).not.toContainText('metered');
  await expect(page.getByTestId('record-factors')).toContainText(
    'provider profile of the AI-services method',
  );
});

const OPENAI_HEADER = 'start_time,end_time,project_id,num_model_requests,model,input_tokens,output_tokens';

test('[ai-usage] unknown models are mapped in the names review (a repository model, a size) and the upload lands', async ({
  page,
}) => {
  const id = randomUUID().slice(0, 8);
  const [bot, legacy] = [`bot-${id}`, `legacy-${id}`];
  // 2026-01-01 and -02 daily buckets (Unix seconds) of one project: one known model, two unknown names.
  const csv = [
    OPENAI_HEADER,
    `1767225600,1767312000,e2e-${id},10,gpt-4o-mini,1000,500`,
    `1767225600,1767312000,e2e-${id},10,${bot},1000,500`,
    `1767312000,1767398400,e2e-${id},10,${bot},2000,700`,
    `1767312000,1767398400,e2e-${id},10,${legacy},3000,900`,
  ].join('\n');
  await signIn(page, 'editor');
  await page.goto('/uploads');
  await page
    .locator('#upload-file')
    .setInputFiles({ name: `models-${id}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) });

  const review = page.getByTestId('names-review');
  await expect(review.getByTestId('name-unresolved')).toHaveCount(2);
  const botRow = review.getByRole('row', { name: new RegExp(bot) });
  await expect(botRow).toContainText('AI model');
  await expect(botRow).toContainText('Not recognised');
  await expect(botRow.getByRole('cell').nth(2)).toContainText('2');
  await expect(review.getByRole('row', { name: /gpt-4o-mini/ })).toContainText('Model of the repository');
  const upload = page.getByRole('button', { name: `Upload models-${id}.csv` });
  await expect(upload).toBeDisabled();

  // "a model of N billion parameters": 13 B active of 47 B total (a mixture of experts).
  await botRow.getByLabel('A model of N billion parameters').check();
  await botRow.getByLabel('Active parameters, billions').fill('13');
  await botRow.getByLabel(/Total parameters, billions/).fill('47');
  await botRow.getByRole('button', { name: 'Save mapping' }).click();
  await expect(review.getByRole('row', { name: new RegExp(bot) })).toContainText(
    'a model of 13 billion active, 47 billion total parameters',
  );

  // A model of the repository, from the searchable list.
  const legacyRow = review.getByRole('row', { name: new RegExp(legacy) });
  await legacyRow.getByLabel(`Map ${legacy} to`).fill('gpt-4o-mini');
  await legacyRow.getByRole('button', { name: 'Save mapping' }).click();
  await expect(review.getByTestId('name-unresolved')).toHaveCount(0);
  await expect(review.getByRole('row', { name: new RegExp(legacy) })).toContainText(
    'Your organisation’s mapping',
  );

  await expect(upload).toBeEnabled();
  await upload.click();
  await expect(page.getByTestId('upload-result')).toContainText(
    `Upload complete: 4 records imported from models-${id}.csv.`,
    PROCESSING,
  );
  await page.getByTestId('upload-result').getByRole('link', { name: 'View these 4 records' }).click();
  await expect(page.getByTestId('records-count')).toHaveText(/^4 records/);
  // A size mapping keeps the file's name on the records (a model mapping stores the repository model's).
  await expect(page.getByTestId('records-table').getByRole('row', { name: new RegExp(bot) })).toHaveCount(2);
  // A gpt-4o-mini record names the method's flags on its page: OpenAI does not publish that model's size.
  await page
    .getByTestId('records-table')
    .getByRole('row', { name: /gpt-4o-mini/ })
    .first()
    .locator('a[href^="/records/"]')
    .first()
    .click();
  await expect(page.getByTestId('ai-service-flag').filter({ hasText: 'Closed model' })).toHaveCount(1);
  // The OpenAI export names no region: OpenAI's mix zone USA, named, with the stored code for auditors.
  await expect(page.getByText('United States (USA)', { exact: true })).toBeVisible();
});

test('[ai-usage] the FOCUS example: its GPU row’s region is answered in the review, both rows land with their totals', async ({
  page,
}) => {
  const id = randomUUID().slice(0, 8);
  // A team of its own (the Tags column) so that a rerun on the same database stores new records.
  const text = readFileSync(path.join(exports, 'focus_1.2_ai_tokens_and_gpu_hours.synthetic.csv'), 'utf8')
    .replace('{""team"":""support""}', `{""team"":""support-${id}""}`)
    .replace('{""team"":""research""}', `{""team"":""research-${id}""}`);
  const name = `focus-${id}.csv`;
  await signIn(page, 'editor');
  await page.goto('/uploads');
  await page.locator('#upload-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  const review = page.getByTestId('names-review');
  const region = review.getByRole('row', { name: /us-east-1/ });
  await expect(region).toContainText('Region');
  // By design the file's provider is not one we recognise, so its bare "us-east-1" is a question; an earlier run on
  // this database may have answered it already (the mapping is the organisation's).
  if ((await review.getByTestId('name-unresolved').count()) > 0) {
    await expect(region).toContainText('Not recognised');
    await region.getByLabel('Map us-east-1 to').fill('US-MIDA-PJM');
    await region.getByRole('button', { name: 'Save mapping' }).click();
  }
  await expect(review.getByTestId('name-unresolved')).toHaveCount(0);
  await expect(review.getByRole('row', { name: /us-east-1/ })).toContainText('Grid zone US-MIDA-PJM');

  await page.getByRole('button', { name: `Upload ${name}` }).click();
  const result = page.getByTestId('upload-result');
  await expect(result).toContainText(`Upload complete: 2 records imported from ${name}.`, PROCESSING);
  await result.getByRole('link', { name: 'View these 2 records' }).click();
  await expect(page.getByTestId('records-count')).toHaveText(/^2 records/);
  const table = page.getByTestId('records-table');
  const headers = await table.locator('thead th').allTextContents();
  const kwh = headers.findIndex((h) => h.startsWith('Facility kWh'));
  const where = headers.findIndex((h) => h.startsWith('Where'));
  // The token line (gpt-4o-mini) and the "8x H100" instance hour in us-east-1, team research-<id>.
  await expect(table.getByRole('row', { name: /gpt-4o-mini/ })).toHaveCount(1);
  const gpu = table.getByRole('row', { name: new RegExp(`research-${id}`) });
  await expect(gpu.getByRole('cell').nth(where)).toContainText('us-east-1');
  // The totals row is the sum of the two rows (all pages = these 2 records).
  const values = await table
    .locator('tbody tr')
    .evaluateAll(
      (rows, column) =>
        rows.map((r) => Number((r.querySelectorAll('td, th')[column]?.textContent ?? '').replace(/,/g, ''))),
      kwh,
    );
  expect(values).toHaveLength(2);
  const totalText = (await page.getByTestId('records-totals').locator('td').first().textContent()) ?? '';
  const total = Number(totalText.replace(/,/g, ''));
  expect(Math.abs(total - ((values[0] ?? 0) + (values[1] ?? 0)))).toBeLessThanOrEqual(
    Math.max(0.01, total * 0.01),
  );
  expect(total).toBeGreaterThan(0);
});
