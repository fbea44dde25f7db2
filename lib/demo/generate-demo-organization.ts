import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { DEMO_MODELS, DEMO_ORGANIZATION, DEMO_PROJECTS, DEMO_TEAMS, DEMO_USERS } from './catalog';
import { demoWindow } from './dates';
import { generateEnergyContracts } from './energy-contracts';
import { generateAiUsageRows } from './generate-ai-usage';
import { generateDataProcessingRecords, generateEvaluationRecords } from './generate-batch-jobs';
import { generateFineTuningRecords } from './generate-fine-tuning';
import { generateInferenceRecords } from './generate-inference';
import { generateOnPremRecords } from './generate-on-prem';
import { generateTrainingRecords } from './generate-training';
import { demoMilestones } from './milestones';
import type { TDemoOrganization, TGenerateDemoOptions } from './types';

export type {
  TDemoEnergyContract,
  TDemoModel,
  TDemoOrganization,
  TDemoProject,
  TDemoRole,
  TDemoTeam,
  TDemoUser,
  TGenerateDemoOptions,
} from './types';

export const DEFAULT_DEMO_MONTHS = 18;
export const DEFAULT_DEMO_SEED = 20_240_917;

/**
 * Pure, deterministic demo organisation ("Northwind AI") with `months` of usage records ending at
 * `endExclusive` (floored to UTC midnight): pre-training runs, fine-tunes, evaluations, data processing,
 * an on-premise metered cluster, daily inference rows for four deployed models, and 12 months of daily
 * third-party AI-service usage (OpenAI and Anthropic, `generateAiUsageRows`).
 * Same options → deep-equal output. No I/O, no clock, no Math.random.
 */
export function generateDemoOrganization(options: TGenerateDemoOptions): TDemoOrganization {
  const window = demoWindow(options.endExclusive, options.months ?? DEFAULT_DEMO_MONTHS);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const milestones = demoMilestones(window);

  const records = [
    ...generateTrainingRecords(window, milestones, seed),
    ...generateFineTuningRecords(window, milestones, seed),
    ...generateEvaluationRecords(window, milestones, seed),
    ...generateDataProcessingRecords(window, seed),
    ...generateOnPremRecords(window, milestones, seed),
    ...generateInferenceRecords(window, milestones, seed),
  ]
    // Short windows can push a long run past the end: keep only rows fully inside the window.
    .filter((record) => record.startedAt >= window.start && record.endedAt <= window.end)
    .sort(compareRecords);

  return {
    organization: { ...DEMO_ORGANIZATION },
    users: DEMO_USERS.map((user) => ({ ...user })),
    teams: DEMO_TEAMS.map((team) => ({ ...team })),
    projects: DEMO_PROJECTS.map((project) => ({ ...project })),
    models: DEMO_MODELS.map((model) => ({ ...model })),
    energyContracts: generateEnergyContracts(window),
    records,
    aiUsage: generateAiUsageRows(window, seed),
  };
}

function compareRecords(a: TUsageRecordInput, b: TUsageRecordInput): number {
  const byStart = a.startedAt.getTime() - b.startedAt.getTime();
  if (byStart !== 0) {
    return byStart;
  }
  const idA = a.recordId ?? '';
  const idB = b.recordId ?? '';
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}
