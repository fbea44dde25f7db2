import type { TCodecarbonEmissionCreate, TCodecarbonRunCreate } from '@/lib/schemas/codecarbon-api';

/**
 * A live CodeCarbon run as kept in usage_record.source_data: the run payload and every ACCEPTED emission
 * delta. The record is rebuilt from the whole list on each post, so the stored figures never depend on
 * the order or on retries. Pure.
 */
export interface TLiveRun {
  live: true;
  runId: string;
  run: TCodecarbonRunCreate;
  emissions: TCodecarbonEmissionCreate[];
}

/** Same send time, duration and energy = the tracker's retry of one post (absorbed, not double counted). */
export function emissionKey(e: TCodecarbonEmissionCreate): string {
  return `${Date.parse(e.timestamp)}|${e.duration}|${e.energy_consumed ?? ''}`;
}

export function isDuplicate(run: TLiveRun, emission: TCodecarbonEmissionCreate): boolean {
  const key = emissionKey(emission);
  return run.emissions.some((e) => emissionKey(e) === key);
}

/** The id under which both the live API and a later emissions.csv upload store this run (same replace rule). */
export const liveRecordId = (runId: string) => `codecarbon:${runId}`;

/**
 * The canonical record of a run: deltas summed (the API stream is additive), started at the run's creation,
 * ended after the summed duration. Energy is the tracker's facility energy; its PUE is not sent, so it is
 * taken as 1.0 (the tracker default) and stored as measured IT energy.
 */
export function liveRunRecord(run: TLiveRun): Record<string, unknown> {
  const durationS = run.emissions.reduce((s, e) => s + e.duration, 0);
  const energyKwh = run.emissions.reduce((s, e) => s + (e.energy_consumed ?? 0), 0);
  const gpuUtil = run.emissions.at(-1)?.gpu_utilization_percent;
  const startedAt = new Date(run.run.timestamp);
  const gpu = run.run.gpu_model ? /^\s*(\d+)\s*x\s*(.+)$/.exec(run.run.gpu_model) : null;
  const gpuCount = run.run.gpu_count ?? (gpu ? Number(gpu[1]) : 0);
  return {
    recordId: liveRecordId(run.runId),
    phase: 'training',
    startedAt,
    endedAt: new Date(startedAt.getTime() + Math.round(durationS * 1000)),
    accelerator: gpuCount > 0 ? (gpu?.[2]?.trim() ?? run.run.gpu_model ?? undefined) : undefined,
    acceleratorCount: gpuCount > 0 ? gpuCount : undefined,
    utilization: gpuCount > 0 && typeof gpuUtil === 'number' ? gpuUtil / 100 : undefined,
    energyKwh,
    notes: `CodeCarbon live run (experiment ${run.run.experiment_id}, ${run.emissions.length} post(s))`,
  };
}
