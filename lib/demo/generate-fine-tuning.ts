import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { ACCELERATOR, MODEL, PLACE, TEAM } from './catalog';
import { addHours, dayOf, isoDay, type TDemoWindow } from './dates';
import { jobRecord } from './job-record';
import { everyNDays, type TMilestones } from './milestones';
import { createRng } from './prng';

/** RLHF rounds on the base models, product fine-tunes and small single-GPU fine-tunes. */
export function generateFineTuningRecords(
  window: TDemoWindow,
  milestones: TMilestones,
  seed: number,
): TUsageRecordInput[] {
  const rng = createRng(seed, 'fine-tuning');
  const startOf = (day: number) => addHours(dayOf(window, day), rng.int(6, 20));
  const records: TUsageRecordInput[] = [];
  const llm13bReady = milestones.availableFrom[MODEL.llm13b];

  for (const day of everyNDays(milestones.availableFrom[MODEL.llm7b] + 5, window.days, 56)) {
    const on13b = day >= llm13bReady;
    const model = on13b ? MODEL.llm13b : MODEL.llm7b;
    const startedAt = startOf(day);
    records.push(
      jobRecord({
        recordId: `ft-rlhf-${model}-${isoDay(startedAt)}`,
        phase: 'fine_tuning',
        startedAt,
        hours: rng.between(36, 90),
        team: TEAM.research,
        project: 'alignment',
        model,
        place: on13b ? PLACE.sweden : PLACE.usEast,
        accelerator: ACCELERATOR.h100,
        acceleratorCount: on13b ? 128 : 64,
        utilization: rng.between(0.62, 0.8),
        notes: 'RLHF round (reward model + PPO).',
      }),
    );
  }

  for (const day of everyNDays(milestones.availableFrom[MODEL.supportAssistant], window.days, 42)) {
    const startedAt = startOf(day);
    records.push(
      jobRecord({
        recordId: `ft-${MODEL.supportAssistant}-${isoDay(startedAt)}`,
        phase: 'fine_tuning',
        startedAt,
        hours: rng.between(10, 30),
        team: TEAM.appliedMl,
        project: 'support-assistant',
        model: MODEL.supportAssistant,
        place: PLACE.sweden,
        accelerator: ACCELERATOR.h100,
        acceleratorCount: 8,
        utilization: rng.between(0.7, 0.88),
        notes: 'Supervised fine-tune of nw-llm-7b on resolved support tickets.',
      }),
    );
  }

  for (const day of everyNDays(milestones.availableFrom[MODEL.docExtract], window.days, 28)) {
    const startedAt = startOf(day);
    records.push(
      jobRecord({
        recordId: `ft-${MODEL.docExtract}-${isoDay(startedAt)}`,
        phase: 'fine_tuning',
        startedAt,
        hours: rng.between(3, 8),
        team: TEAM.appliedMl,
        project: 'doc-extraction',
        model: MODEL.docExtract,
        place: PLACE.sydney,
        accelerator: ACCELERATOR.a100,
        acceleratorCount: 1,
        utilization: rng.between(0.75, 0.9),
        notes: 'Single-GPU LoRA fine-tune on newly labelled invoices.',
      }),
    );
  }

  everyNDays(5, window.days, 14).forEach((day, index) => {
    const startedAt = startOf(day);
    records.push(
      jobRecord({
        recordId: `ft-${MODEL.queryRewriter}-${isoDay(startedAt)}`,
        phase: 'fine_tuning',
        startedAt,
        hours: rng.between(2, 6),
        team: TEAM.search,
        project: 'query-rewrite',
        model: MODEL.queryRewriter,
        place: PLACE.paris,
        accelerator: ACCELERATOR.l4,
        acceleratorCount: 1,
        utilization: rng.between(0.6, 0.85),
        acceleratorPowerW: index % 3 === 0 ? rng.between(55, 68) : undefined,
      }),
    );
  });
  return records;
}
