import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { ACCELERATOR, MODEL, PLACE, type TDemoAccelerator, TEAM, type TPlace } from './catalog';
import { addHours, dayOf, isoDay, type TDemoWindow } from './dates';
import { jobRecord } from './job-record';
import { everyNDays, type TMilestones } from './milestones';
import { createRng, type TRng } from './prng';

type TEvalTarget = {
  model: (typeof MODEL)[keyof typeof MODEL];
  team: string;
  project: string;
  place: TPlace;
  accelerator: TDemoAccelerator;
  count: number;
  hours: [number, number];
};

const EVAL_TARGETS: readonly TEvalTarget[] = [
  {
    model: MODEL.llm7b,
    team: TEAM.platform,
    project: 'eval-harness',
    place: PLACE.paris,
    accelerator: ACCELERATOR.a100,
    count: 8,
    hours: [3, 6],
  },
  {
    model: MODEL.llm13b,
    team: TEAM.platform,
    project: 'eval-harness',
    place: PLACE.sweden,
    accelerator: ACCELERATOR.h100,
    count: 16,
    hours: [4, 8],
  },
  {
    model: MODEL.vision2b,
    team: TEAM.platform,
    project: 'eval-harness',
    place: PLACE.paris,
    accelerator: ACCELERATOR.a100,
    count: 8,
    hours: [2, 4],
  },
  {
    model: MODEL.supportAssistant,
    team: TEAM.platform,
    project: 'eval-harness',
    place: PLACE.paris,
    accelerator: ACCELERATOR.a100,
    count: 4,
    hours: [2, 4],
  },
  {
    model: MODEL.docExtract,
    team: TEAM.appliedMl,
    project: 'doc-extraction',
    place: PLACE.sydney,
    accelerator: ACCELERATOR.t4,
    count: 2,
    hours: [1, 3],
  },
  {
    model: MODEL.searchEmbed,
    team: TEAM.search,
    project: 'semantic-search',
    place: PLACE.paris,
    accelerator: ACCELERATOR.l4,
    count: 4,
    hours: [1, 3],
  },
];

/** Typical measured board power under load, for the rows that report acceleratorPowerW. */
const MEASURED_POWER_W: Record<TDemoAccelerator, [number, number]> = {
  'H100 SXM': [520, 640],
  'A100-SXM4-80GB': [290, 360],
  L4: [55, 70],
  T4: [55, 68],
  'TPU v4': [170, 200],
};

function measuredPower(rng: TRng, accelerator: TDemoAccelerator): number {
  const [min, max] = MEASURED_POWER_W[accelerator];
  return rng.between(min, max);
}

/** Weekly evaluation suites of every available model; a few rows lack region or accelerator. */
export function generateEvaluationRecords(
  window: TDemoWindow,
  milestones: TMilestones,
  seed: number,
): TUsageRecordInput[] {
  const rng = createRng(seed, 'evaluation');
  const records: TUsageRecordInput[] = [];
  for (const day of everyNDays(3, window.days, 7)) {
    for (const target of EVAL_TARGETS) {
      if (day < milestones.availableFrom[target.model]) {
        continue;
      }
      const index = records.length;
      const startedAt = addHours(dayOf(window, day), rng.int(1, 20));
      records.push(
        jobRecord({
          recordId: `eval-${target.model}-${isoDay(startedAt)}`,
          phase: 'evaluation',
          startedAt,
          hours: rng.between(target.hours[0], target.hours[1]),
          team: target.team,
          project: target.project,
          model: target.model,
          place: target.place,
          dropRegion: index % 17 === 5,
          accelerator: target.accelerator,
          dropAccelerator: index % 23 === 11,
          acceleratorCount: target.count,
          utilization: rng.between(0.6, 0.85),
          acceleratorPowerW: index % 9 === 0 ? measuredPower(rng, target.accelerator) : undefined,
        }),
      );
    }
  }
  return records;
}

/** Weekly dedup/filter jobs and monthly embedding backfills in the cloud. */
export function generateDataProcessingRecords(window: TDemoWindow, seed: number): TUsageRecordInput[] {
  const rng = createRng(seed, 'data-processing');
  const records: TUsageRecordInput[] = [];
  for (const day of everyNDays(1, window.days, 7)) {
    const startedAt = addHours(dayOf(window, day), rng.int(0, 4));
    records.push(
      jobRecord({
        recordId: `data-dedup-${isoDay(startedAt)}`,
        phase: 'data_processing',
        startedAt,
        hours: rng.between(4, 10),
        team: TEAM.platform,
        project: 'data-pipeline',
        place: PLACE.paris,
        accelerator: ACCELERATOR.t4,
        acceleratorCount: 16,
        utilization: rng.between(0.6, 0.78),
        notes: 'Near-duplicate removal and quality filtering of the weekly crawl.',
      }),
    );
  }
  for (const day of everyNDays(12, window.days, 30)) {
    const startedAt = addHours(dayOf(window, day), rng.int(18, 22));
    records.push(
      jobRecord({
        recordId: `data-embed-backfill-${isoDay(startedAt)}`,
        phase: 'data_processing',
        startedAt,
        hours: rng.between(6, 14),
        team: TEAM.search,
        project: 'semantic-search',
        model: MODEL.searchEmbed,
        place: PLACE.paris,
        accelerator: ACCELERATOR.l4,
        acceleratorCount: 8,
        utilization: rng.between(0.7, 0.9),
        notes: 'Re-embedding of the document index.',
      }),
    );
  }
  return records;
}
