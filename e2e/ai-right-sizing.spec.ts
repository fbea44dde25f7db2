import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';

// Issue #21: "recommendations include model right-sizing where usage is concentrated on large models"
// (lib/insights/right-size-models.ts: ≥ 50 % of the organisation's AI output tokens on models of ≥ 70 B active
// parameters, midpoint of the repository's range).
//
// The demo organisation does not qualify: per weekday of its first month (lib/demo/generate-ai-usage.ts) gpt-4o
// makes 8,000 × 300 = 2.4 M output tokens, gpt-4o-mini 30,000 × 200 = 6.0 M, Claude Sonnet 4.5 4,000 × 900 = 3.6 M,
// Claude Haiku 4.5 60,000 × 50 = 3.0 M; with the weekend factors a week is gpt-4o 2.4 × (5 + 2 × 0.5) = 14.4 M,
// mini 6.0 × 5.6 = 33.6 M, Sonnet 3.6 × 6.8 = 24.48 M, Haiku 3.0 × 6.2 = 18.6 M. Large (gpt-4o 44–132 B active,
// Sonnet 44–132 B): 38.88 / 91.08 = 42.7 %, the same every month (one growth rate for all). Recommendations are
// computed for the whole organisation (lib/server/insights/recommendations.ts, no filters), so a team of the demo
// organisation cannot be concentrated on its own: tipping the demo over 50 % would take ~1.1 billion more output
// tokens and move the figures other specs read from the shared demo database. This spec creates an organisation
// of its own and pushes its usage through POST /api/v1/ai-usage.
//
// Usage (1–2 Oct 2026, inside the page's window: the 12 complete months before "today" 2026-12-06):
//   gpt-4o 300,000,000 output tokens, gpt-4o-mini 50,000,000; both rows state a grid factor of 0.4 kg CO2e/kWh
//   (docs/API.md "Stated model size and site": it becomes the records' grid factor, so CO2e = facility kWh × 0.4).
// Large share = 300 / 350 = 85.7 % → "86 %" ≥ 50 %.
//
// Expected figures by hand from the EcoLogits 0.9.1 formulas (docs/METHODOLOGY.md "AI services"), sizes from
// reference/ecologits/models.json and OpenAI's PUE 1.20 from reference/ecologits/providers.csv. Per output token and
// per GPU at batch B = 64, IT energy before PUE: GPU term f_E/1000 = (5.6941e-7·P_act + 4.0529e-5)/1000 kWh, host
// term f_L × 1.2 kW / (8 × 64 × 3600 s/h) with f_L = 6.7851e-4·P_act + 0.039438 s; GPUs = 2^ceil(log2(ceil(2.4·P_tot/80))).
//   gpt-4o (MoE, 440 B total → 1,056 GB → 14 → 16 GPUs): 44 B active 16 × (6.5583e-8 + 4.5112e-8) = 1.77112e-6 kWh,
//     132 B active 16 × (1.15692e-7 + 8.3985e-8) = 3.19483e-6 kWh; midpoint e4o = 2.48297e-6 kWh/token.
//   gpt-4o-mini (dense 8–28 B → 1 GPU): 8 B 4.5085e-8 + 2.9209e-8 = 7.4294e-8 kWh; 28 B 5.6473e-8 + 3.8044e-8 =
//     9.4517e-8 kWh; midpoint emini = 8.4405e-8 kWh/token. emini / e4o = 0.033994 (0.029921 at 8 B, 0.038066 at 28 B).
//   Facility = tokens × midpoint × 1.2: gpt-4o 300e6 × 2.48297e-6 × 1.2 = 893.87 kWh → × 0.4 = 357.548 kg CO2e;
//     mini 50e6 × 8.4405e-8 × 1.2 = 5.064 kWh → 2.026 kg. Organisation total 359.574 kg.
//   Routing gpt-4o to gpt-4o-mini at the same site scales gpt-4o's energy by the ratio (lib/insights/switch-model.ts):
//     saved = 357.548 × (1 − 0.033994) = 345.394 kg → "−0.345 tCO₂e/yr"; share 345.394 / 359.574 = 96.1 % → "96%";
//     energy 893.87 × 0.966006 = 863.5 kWh → "−863 kWh/yr";
//     range: smallest saving with mini at 28 B 357.548 × (1 − 0.038066) = 343.94 kg → 0.344 t;
//            largest with mini at 8 B 357.548 × (1 − 0.029921) = 346.85 kg → 0.347 t.
const PROCESSING = { timeout: 60_000 };

test('[recommendations] AI usage concentrated on a large model gets a right-sizing recommendation to the smaller model', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const name = `Right-sizing ${randomUUID().slice(0, 8)}`;
  await signIn(page, 'editor');
  await page.getByRole('link', { name: 'Organisations…' }).click();
  await page.getByLabel('Organisation name').fill(name);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('heading', { name: 'Organisation settings' })).toBeVisible();

  // The session's API calls go to the organisation just created (a browser sends Origin on a POST: CSRF check).
  const origin = new URL(page.url()).origin;
  const me = await page.request.get('/api/v1/me');
  expect(await me.json()).toMatchObject({ organization: { name }, role: 'owner', via: 'session' });
  const row = { startedAt: '2026-10-01', endedAt: '2026-10-02', provider: 'openai', gridKgCo2ePerKwh: 0.4 };
  const pushed = await page.request.post('/api/v1/ai-usage', {
    headers: { origin },
    data: [
      { ...row, id: 'large', model: 'gpt-4o', inputTokens: 900_000_000, outputTokens: 300_000_000 },
      { ...row, id: 'small', model: 'gpt-4o-mini', inputTokens: 150_000_000, outputTokens: 50_000_000 },
    ],
  });
  expect(pushed.status(), await pushed.text()).toBe(201);

  await page.goto('/recommendations');
  const rec = page
    .getByTestId('recommendation')
    .filter({ has: page.getByRole('heading', { name: /Route routine gpt-4o requests to gpt-4o-mini$/ }) });
  await expect(rec).toHaveCount(1, PROCESSING);
  await expect(rec).toContainText('−0.345 tCO₂e/yr');
  await expect(rec).toContainText("96% of the organisation's location-based total");
  await expect(rec).toContainText('energy −863 kWh/yr');
  await expect(rec).toContainText('range 0.344 tCO₂e – 0.347 tCO₂e');
  await rec.getByText('Assumptions and sources').click();
  await expect(rec).toContainText(
    "86 % of the organisation's AI output tokens go to models of 70 B active parameters or more; the threshold for this suggestion is 50 %.",
  );
  // Only the large model is right-sized: no suggestion for gpt-4o-mini itself.
  await expect(page.getByRole('heading', { name: /Route routine gpt-4o-mini requests/ })).toHaveCount(0);
});
