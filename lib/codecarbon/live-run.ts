import { parseAcceleratorName } from '@/lib/emissions/resolve-accelerator';
import { codecarbonLocation } from '@/lib/ingest/codecarbon-location';
import { INGEST_FLAGS, type TIngestFlag } from '@/lib/ingest/flags';
import type { TCodecarbonEmissionCreate, TCodecarbonRunCreate } from '@/lib/schemas/codecarbon-api';
import type { TCodecarbonExperiment } from '@/lib/schemas/codecarbon-experiments';

/**
 * The experiment a run belongs to, as it was when the run was created (provenance), with its country as ISO
 * alpha-2 (our grid zones; CodeCarbon sends alpha-3).
 */
export type TLiveExperiment = TCodecarbonExperiment & {
  project_name: string | null;
  country_alpha2?: string | null;
};

/**
 * A live CodeCarbon run as kept in usage_record.source_data: the run payload, its experiment (location, PUE)
 * and every ACCEPTED emission delta. The record is rebuilt from the whole list on each post, so the stored
 * figures never depend on the order or on retries. Pure.
 */
export interface TLiveRun {
  live: true;
  runId: string;
  run: TCodecarbonRunCreate;
  /** Null/absent: the experiment id is not one of ours (e.g. CodeCarbon's shared default id). */
  experiment?: TLiveExperiment | null;
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
 * Provider/region from the experiment (cloud provider + cloud region, else on-premise in its country, or `edge`
 * for a laptop/desktop run: off cloud with no discrete GPU drawing energy, `isPersonalDevice`). Before the first
 * emission post the GPU energy is unknown, so a run with a GPU model is not called a laptop yet.
 */
function experimentLocation(run: Pick<TLiveRun, 'experiment' | 'run' | 'emissions'>) {
  const experiment = run.experiment;
  if (!experiment || (!experiment.country_iso_code && !experiment.region && !experiment.cloud_region)) {
    return null;
  }
  const gpuEnergies = run.emissions
    .map((e) => e.gpu_energy)
    .filter((e): e is number => typeof e === 'number');
  return codecarbonLocation(
    {
      cloudProvider: experiment.on_cloud ? (experiment.cloud_provider ?? undefined) : undefined,
      cloudRegion: experiment.cloud_region ?? undefined,
      countryIso: experiment.country_alpha2 ?? experiment.country_iso_code ?? undefined,
      region: experiment.region ?? undefined,
      onCloud: experiment.on_cloud ? 'Y' : 'N',
      gpuModel: run.run.gpu_model ?? undefined,
      gpuEnergyKwh: gpuEnergies.length > 0 ? gpuEnergies.reduce((a, b) => a + b, 0) : undefined,
    },
    {},
  );
}

/** Provenance flags of a live run (stored with the record as source_data.ingestFlags). */
export function liveRunFlags(run: TLiveRun): TIngestFlag[] {
  const flags: TIngestFlag[] = [];
  if (!experimentLocation(run)) {
    flags.push(INGEST_FLAGS.LOCATION_MISSING);
  }
  if ((run.experiment?.pue ?? 1) !== 1) {
    flags.push(INGEST_FLAGS.PUE_REMOVED);
  }
  return flags;
}

/**
 * The canonical record of a run: deltas summed (the API stream is additive), started at the run's creation,
 * ended after the summed duration. CodeCarbon's energies are already × the tracker's PUE, which the posts do
 * not carry: the experiment's PUE (default 1.0) is divided out to get IT energy and kept as the record's PUE.
 * Location and project come from the experiment.
 */
export function liveRunRecord(run: TLiveRun): Record<string, unknown> {
  const durationS = run.emissions.reduce((s, e) => s + e.duration, 0);
  const facilityKwh = run.emissions.reduce((s, e) => s + (e.energy_consumed ?? 0), 0);
  const pue = run.experiment?.pue ?? 1;
  const wue = run.experiment?.wue;
  const location = experimentLocation(run);
  const gpuUtil = run.emissions.at(-1)?.gpu_utilization_percent;
  const startedAt = new Date(run.run.timestamp);
  const gpu = run.run.gpu_model ? parseAcceleratorName(run.run.gpu_model) : null;
  const gpuCount = run.run.gpu_count ?? gpu?.count ?? 0;
  const experimentText = run.experiment
    ? `"${run.experiment.name}" ${run.experiment.id}`
    : run.run.experiment_id;
  return {
    recordId: liveRecordId(run.runId),
    phase: 'training',
    startedAt,
    endedAt: new Date(startedAt.getTime() + Math.round(durationS * 1000)),
    project: run.experiment?.project_name ?? undefined,
    provider: location?.provider,
    region: location?.region,
    accelerator: gpuCount > 0 ? gpu?.name : undefined,
    acceleratorCount: gpuCount > 0 ? gpuCount : undefined,
    utilization: gpuCount > 0 && typeof gpuUtil === 'number' ? gpuUtil / 100 : undefined,
    energyKwh: facilityKwh / pue,
    pue: pue !== 1 ? pue : undefined,
    wueLPerKwh: typeof wue === 'number' && wue > 0 ? wue : undefined,
    notes: `CodeCarbon live run (experiment ${experimentText}, ${run.emissions.length} post(s))`,
  };
}
