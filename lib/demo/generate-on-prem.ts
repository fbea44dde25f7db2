import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { ACCELERATOR, MODEL, PLACE, TEAM } from './catalog';
import { addHours, dayOf, isoDay, type TDemoWindow } from './dates';
import { jobRecord, type TJobSpec } from './job-record';
import { everyNDays, type TMilestones } from './milestones';
import { createRng, type TRng } from './prng';

/** A100 board power (kW) and per-GPU share of host power (kW) behind the rack PDU meter. */
const GPU_KW = 0.4;
const HOST_KW_PER_GPU = 0.11;

/** Facility PUE of the Frankfurt colocation: worse in summer (free cooling off). */
function seasonalPue(rng: TRng, date: Date): number {
  const month = date.getUTCMonth();
  const base = month >= 5 && month <= 7 ? 1.42 : month >= 3 && month <= 8 ? 1.34 : 1.27;
  return base + rng.between(-0.02, 0.02);
}

type TOnPremJob = Omit<TJobSpec, 'place' | 'accelerator' | 'energyKwh' | 'pue'>;

/** Metered IT energy (rack PDUs) and the month's PUE, as the facility bills them. */
function meteredJob(rng: TRng, job: TOnPremJob): TUsageRecordInput {
  const perGpuKw = GPU_KW * (0.35 + 0.65 * job.utilization) + HOST_KW_PER_GPU;
  const energyKwh = job.acceleratorCount * job.hours * perGpuKw * rng.between(0.95, 1.05);
  return jobRecord({
    ...job,
    place: PLACE.onPrem,
    accelerator: ACCELERATOR.a100,
    energyKwh,
    pue: seasonalPue(rng, job.startedAt),
  });
}

/** The on-premise A100 cluster in Germany: ablations, tokenisation, pre-training data preparation. */
export function generateOnPremRecords(
  window: TDemoWindow,
  milestones: TMilestones,
  seed: number,
): TUsageRecordInput[] {
  const rng = createRng(seed, 'on-prem');
  const startOf = (day: number) => addHours(dayOf(window, day), rng.int(8, 18));
  const records: TUsageRecordInput[] = [];

  for (const day of everyNDays(8, window.days, 24)) {
    const startedAt = startOf(day);
    records.push(
      meteredJob(rng, {
        recordId: `onprem-ablation-${isoDay(startedAt)}`,
        phase: 'training',
        startedAt,
        hours: rng.between(40, 140),
        team: TEAM.research,
        project: 'foundation-llm',
        acceleratorCount: 64,
        utilization: rng.between(0.7, 0.88),
        notes: 'Scaling-law ablation on the on-premise cluster.',
      }),
    );
  }

  for (const day of everyNDays(2, window.days, 30)) {
    const startedAt = startOf(day);
    records.push(
      meteredJob(rng, {
        recordId: `onprem-tokenize-${isoDay(startedAt)}`,
        phase: 'data_processing',
        startedAt,
        hours: rng.between(12, 36),
        team: TEAM.platform,
        project: 'data-pipeline',
        acceleratorCount: 16,
        utilization: rng.between(0.6, 0.75),
      }),
    );
  }

  const dataPrep = [
    { model: MODEL.llm7b, day: milestones.llm7bPretrain - 6 },
    { model: MODEL.llm13b, day: milestones.llm13bAborted - 6 },
  ];
  for (const prep of dataPrep) {
    const startedAt = startOf(Math.max(0, prep.day));
    records.push(
      meteredJob(rng, {
        recordId: `onprem-dataprep-${prep.model}-${isoDay(startedAt)}`,
        phase: 'data_processing',
        startedAt,
        hours: rng.between(60, 80),
        team: TEAM.research,
        project: 'foundation-llm',
        model: prep.model,
        acceleratorCount: 64,
        utilization: rng.between(0.6, 0.72),
        notes: 'Pre-training corpus preparation (dedup, filtering, tokenisation).',
      }),
    );
  }
  return records;
}
