import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { ACCELERATOR, MODEL, PLACE, type TDemoAccelerator, TEAM, type TPlace } from './catalog';
import { dayOf, isoDay, type TDemoWindow } from './dates';
import { jobRecord } from './job-record';
import type { TDeployedModel, TMilestones } from './milestones';
import { createRng } from './prng';

type TDeployment = {
  team: string;
  project: string;
  place: TPlace;
  accelerator: TDemoAccelerator;
  /** Weekday requests per day at launch (or at window start) and at the end of the window. */
  requestsFrom: number;
  requestsTo: number;
  tokensPerRequest: number;
  /** Saturday/Sunday traffic relative to a weekday. */
  weekendFactor: number;
  /** Requests one accelerator serves per day at full load; the fleet is sized for 85% of it. */
  requestsPerAcceleratorDay: number;
  minReplicas: number;
};

export const DEPLOYMENTS: Record<TDeployedModel, TDeployment> = {
  [MODEL.searchEmbed]: {
    team: TEAM.search,
    project: 'semantic-search',
    place: PLACE.paris,
    accelerator: ACCELERATOR.l4,
    requestsFrom: 2_500_000,
    requestsTo: 9_000_000,
    tokensPerRequest: 48,
    weekendFactor: 0.6,
    requestsPerAcceleratorDay: 1_200_000,
    minReplicas: 4,
  },
  [MODEL.llm7b]: {
    team: TEAM.platform,
    project: 'llm-api',
    place: PLACE.usEast,
    accelerator: ACCELERATOR.h100,
    requestsFrom: 300_000,
    requestsTo: 3_500_000,
    tokensPerRequest: 1_200,
    weekendFactor: 0.7,
    requestsPerAcceleratorDay: 60_000,
    minReplicas: 8,
  },
  [MODEL.supportAssistant]: {
    team: TEAM.appliedMl,
    project: 'support-assistant',
    place: PLACE.sweden,
    accelerator: ACCELERATOR.a100,
    requestsFrom: 20_000,
    requestsTo: 300_000,
    tokensPerRequest: 1_800,
    weekendFactor: 0.45,
    requestsPerAcceleratorDay: 25_000,
    minReplicas: 2,
  },
  [MODEL.docExtract]: {
    team: TEAM.appliedMl,
    project: 'doc-extraction',
    place: PLACE.sydney,
    accelerator: ACCELERATOR.t4,
    requestsFrom: 6_000,
    requestsTo: 70_000,
    tokensPerRequest: 3_000,
    weekendFactor: 0.25,
    requestsPerAcceleratorDay: 8_000,
    minReplicas: 2,
  },
};

const RAMP_DAYS = 21;

/** One row per deployed model per UTC day from launch: requests, tokens and the serving fleet. */
export function generateInferenceRecords(
  window: TDemoWindow,
  milestones: TMilestones,
  seed: number,
): TUsageRecordInput[] {
  const records: TUsageRecordInput[] = [];
  for (const [model, deployment] of Object.entries(DEPLOYMENTS) as [TDeployedModel, TDeployment][]) {
    const rng = createRng(seed, `inference:${model}`);
    const launch = Math.min(milestones.launch[model], window.days - 1);
    const span = Math.max(1, window.days - 1 - launch);
    for (let day = launch; day < window.days; day += 1) {
      const startedAt = dayOf(window, day);
      const progress = (day - launch) / span;
      const trend = deployment.requestsFrom * (deployment.requestsTo / deployment.requestsFrom) ** progress;
      const ramp = launch === 0 ? 1 : Math.min(1, 0.3 + (0.7 * (day - launch)) / RAMP_DAYS);
      const weekday = startedAt.getUTCDay();
      const weekend = weekday === 0 || weekday === 6 ? deployment.weekendFactor : 1;
      const spike = rng.chance(0.015) ? rng.between(1.3, 1.8) : 1;
      const requests = Math.round(trend * ramp * weekend * spike * rng.between(0.92, 1.08));
      const capacity = deployment.requestsPerAcceleratorDay * 0.85;
      const acceleratorCount = Math.max(deployment.minReplicas, Math.ceil((trend * ramp) / capacity));
      const load = requests / (acceleratorCount * deployment.requestsPerAcceleratorDay);
      records.push({
        ...jobRecord({
          recordId: `infer-${model}-${isoDay(startedAt)}`,
          phase: 'inference',
          startedAt,
          hours: 24,
          team: deployment.team,
          project: deployment.project,
          model,
          place: deployment.place,
          accelerator: deployment.accelerator,
          acceleratorCount,
          utilization: Math.min(0.9, Math.max(0.3, 0.3 + 0.65 * load)),
        }),
        requests,
        tokens: Math.round(requests * deployment.tokensPerRequest * rng.between(0.9, 1.1)),
      });
    }
  }
  return records;
}
