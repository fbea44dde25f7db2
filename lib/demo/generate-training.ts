import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { ACCELERATOR, MODEL, PLACE, TEAM } from './catalog';
import { addHours, dayOf, isoDay, isoMonth, type TDemoWindow } from './dates';
import { jobRecord } from './job-record';
import { everyNDays, PRETRAIN_DAYS, type TMilestones } from './milestones';
import { createRng } from './prng';

/** Pre-training runs (hundreds of accelerators for weeks) and periodic retrains of the search embedder. */
export function generateTrainingRecords(
  window: TDemoWindow,
  milestones: TMilestones,
  seed: number,
): TUsageRecordInput[] {
  const rng = createRng(seed, 'training');
  const startOf = (day: number) => addHours(dayOf(window, day), rng.int(7, 19));
  const records: TUsageRecordInput[] = [];

  const llm7bStart = startOf(milestones.llm7bPretrain);
  records.push(
    jobRecord({
      recordId: `train-${MODEL.llm7b}-${isoMonth(llm7bStart)}`,
      phase: 'training',
      startedAt: llm7bStart,
      hours: PRETRAIN_DAYS.llm7b * 24 + rng.between(-8, 8),
      team: TEAM.research,
      project: 'foundation-llm',
      model: MODEL.llm7b,
      place: PLACE.usEast,
      accelerator: ACCELERATOR.h100,
      acceleratorCount: 256,
      utilization: 0.81,
      notes: 'Pre-training from scratch, 1.4T tokens, 256 × H100 for three weeks.',
    }),
  );

  const visionStart = startOf(milestones.vision2bPretrain);
  records.push(
    jobRecord({
      recordId: `train-${MODEL.vision2b}-${isoMonth(visionStart)}`,
      phase: 'training',
      startedAt: visionStart,
      hours: PRETRAIN_DAYS.vision2b * 24 + rng.between(-6, 6),
      team: TEAM.research,
      project: 'multimodal',
      model: MODEL.vision2b,
      place: PLACE.iowa,
      accelerator: ACCELERATOR.tpuV4,
      acceleratorCount: 128,
      utilization: 0.74,
      notes: 'Vision-language pre-training on a TPU v4-256 slice (128 chips).',
    }),
  );

  const abortedStart = startOf(milestones.llm13bAborted);
  records.push(
    jobRecord({
      recordId: `train-${MODEL.llm13b}-${isoMonth(abortedStart)}-aborted`,
      phase: 'training',
      startedAt: abortedStart,
      hours: PRETRAIN_DAYS.llm13bAborted * 24 - rng.between(4, 14),
      team: TEAM.research,
      project: 'foundation-llm',
      model: MODEL.llm13b,
      place: PLACE.sweden,
      accelerator: ACCELERATOR.h100,
      acceleratorCount: 512,
      utilization: 0.66,
      notes: 'Aborted after a loss divergence; restarted with a lower learning rate.',
    }),
  );

  const llm13bStart = startOf(milestones.llm13bPretrain);
  records.push(
    jobRecord({
      recordId: `train-${MODEL.llm13b}-${isoMonth(llm13bStart)}`,
      phase: 'training',
      startedAt: llm13bStart,
      hours: PRETRAIN_DAYS.llm13b * 24 + rng.between(-10, 10),
      team: TEAM.research,
      project: 'foundation-llm',
      model: MODEL.llm13b,
      place: PLACE.sweden,
      accelerator: ACCELERATOR.h100,
      acceleratorCount: 512,
      utilization: 0.83,
      acceleratorPowerW: 586,
      notes: 'Pre-training, 2.5T tokens; acceleratorPowerW is the DCGM average over the run.',
    }),
  );

  for (const day of everyNDays(Math.floor(window.days * 0.04), window.days, 91)) {
    const startedAt = startOf(day);
    records.push(
      jobRecord({
        recordId: `train-${MODEL.searchEmbed}-${isoDay(startedAt)}`,
        phase: 'training',
        startedAt,
        hours: rng.between(26, 40),
        team: TEAM.search,
        project: 'semantic-search',
        model: MODEL.searchEmbed,
        place: PLACE.paris,
        accelerator: ACCELERATOR.a100,
        acceleratorCount: 8,
        utilization: rng.between(0.72, 0.88),
        notes: 'Quarterly retrain of the embedding model on fresh click logs.',
      }),
    );
  }
  return records;
}
