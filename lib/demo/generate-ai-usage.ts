import type { TAiUsageRow } from '@/lib/ingest/ai-usage/ai-usage-types';
import { TEAM } from './catalog';
import { addDays, dayOf, demoWindow, type TDemoWindow } from './dates';
import { createRng } from './prng';

/**
 * Third-party AI-service usage of the demo organisation (issue #21 part 5): daily token counts per provider model,
 * as a usage export would report them. The rows are `TAiUsageRow`s, the shape every AI-usage reader produces, so
 * the seed turns them into records through the upload path (`aiUsageRecordOf`); no energy figure is made here.
 * Volumes and the growth rate are justified in docs/decisions/ai-services.md (AS20).
 */

/** Months of AI-service usage before the demo's end (the organisation started buying LLM APIs a year ago). */
export const AI_USAGE_MONTHS = 12;

/** Month-over-month growth of every workload's requests (compounded per day): 1.08^11 ≈ 2.33× over the year. */
export const AI_USAGE_MONTHLY_GROWTH = 0.08;

/** Mean length of a month in days (365.25 / 12), to compound the monthly growth per day. */
const DAYS_PER_MONTH = 30.4375;

type TAiWorkload = {
  provider: 'openai' | 'anthropic';
  /** The service name as the provider's usage export names it. */
  service: string;
  /** Model id exactly as the provider's usage export reports it (a model of the EcoLogits repository). */
  model: string;
  team: string;
  project: string;
  /** Weekday requests per day in the first month. */
  requestsPerDay: number;
  /** Mean input and output tokens of one request. */
  inputTokensPerRequest: number;
  outputTokensPerRequest: number;
  /** Saturday/Sunday requests relative to a weekday. */
  weekendFactor: number;
};

/** A frontier and a small model per provider, each used by one demo project (AS20 for the numbers). */
export const AI_WORKLOADS: readonly TAiWorkload[] = [
  {
    // LLM-as-judge grading of evaluation outputs: rubric + question + candidate answer in, score and rationale out.
    provider: 'openai',
    service: 'OpenAI API',
    model: 'gpt-4o',
    team: TEAM.platform,
    project: 'eval-harness',
    requestsPerDay: 8_000,
    inputTokensPerRequest: 2_000,
    outputTokensPerRequest: 300,
    weekendFactor: 0.5,
  },
  {
    // Field extraction pre-pass on scanned documents: one page of text in, a small JSON object out.
    provider: 'openai',
    service: 'OpenAI API',
    model: 'gpt-4o-mini',
    team: TEAM.appliedMl,
    project: 'doc-extraction',
    requestsPerDay: 30_000,
    inputTokensPerRequest: 2_500,
    outputTokensPerRequest: 200,
    weekendFactor: 0.3,
  },
  {
    // Synthetic preference data and critiques for alignment: prompt + policy answer in, a long critique out.
    provider: 'anthropic',
    service: 'Anthropic API',
    model: 'claude-sonnet-4-5-20250929',
    team: TEAM.research,
    project: 'alignment',
    requestsPerDay: 4_000,
    inputTokensPerRequest: 1_500,
    outputTokensPerRequest: 900,
    weekendFactor: 0.9,
  },
  {
    // Rewrites of hard search queries: a short query with context in, one rewritten query out.
    provider: 'anthropic',
    service: 'Anthropic API',
    model: 'claude-haiku-4-5-20251001',
    team: TEAM.search,
    project: 'query-rewrite',
    requestsPerDay: 60_000,
    inputTokensPerRequest: 300,
    outputTokensPerRequest: 50,
    weekendFactor: 0.6,
  },
];

/** Requests of day `day` (0-based from the start of the AI usage) before weekend dip and noise. */
export function trendRequests(requestsPerDay: number, day: number): number {
  return requestsPerDay * (1 + AI_USAGE_MONTHLY_GROWTH) ** (day / DAYS_PER_MONTH);
}

/** The AI-usage period: the last `AI_USAGE_MONTHS` calendar months of the demo window (same end). */
export function aiUsageWindow(window: TDemoWindow): TDemoWindow {
  const months = demoWindow(window.end, AI_USAGE_MONTHS);
  return months.start < window.start ? window : months;
}

/**
 * One row per workload per UTC day over the last 12 months of `window`: requests grow by
 * `AI_USAGE_MONTHLY_GROWTH` a month, dip at weekends and vary ±8 % a day; tokens are requests × the mean
 * tokens per request ±5 %. Line numbers are 1-based in output order. Deterministic for a seed. Pure.
 */
export function generateAiUsageRows(window: TDemoWindow, seed: number): TAiUsageRow[] {
  const period = aiUsageWindow(window);
  const rows: TAiUsageRow[] = [];
  for (const workload of AI_WORKLOADS) {
    const rng = createRng(seed, `ai-usage:${workload.model}`);
    for (let day = 0; day < period.days; day += 1) {
      const startedAt = dayOf(period, day);
      const weekday = startedAt.getUTCDay();
      const weekend = weekday === 0 || weekday === 6 ? workload.weekendFactor : 1;
      const requests = Math.round(
        trendRequests(workload.requestsPerDay, day) * weekend * rng.between(0.92, 1.08),
      );
      const inputTokens = Math.round(requests * workload.inputTokensPerRequest * rng.between(0.95, 1.05));
      const outputTokens = Math.round(requests * workload.outputTokensPerRequest * rng.between(0.95, 1.05));
      rows.push({
        line: rows.length + 1,
        provider: workload.provider,
        service: workload.service,
        modelRaw: workload.model,
        modelLookup: { kind: 'name', provider: workload.provider, name: workload.model },
        inputTokens,
        outputTokens,
        requests,
        // Usage exports give no latency: the estimate is per token (`estimateAiServiceUsage`).
        meanLatencyS: null,
        // Neither export names a region: the provider's default zone applies, as on upload.
        region: null,
        quantityBasis: 'metered',
        periodStart: startedAt.toISOString(),
        periodEnd: addDays(startedAt, 1).toISOString(),
        cachedInputTokens: null,
        team: workload.team,
        project: workload.project,
        tags: {},
      });
    }
  }
  return rows;
}

/** Stable record id of a generated row (`ai-<model>-<YYYY-MM-DD>`), so seeding twice changes nothing. */
export function aiUsageRecordId(row: TAiUsageRow): string {
  return `ai-${row.modelRaw}-${row.periodStart.slice(0, 10)}`;
}
