import { z } from 'zod';

/**
 * Bodies the CodeCarbon tracker POSTs to a CodeCarbon-compatible server (output_methods=api), mirroring
 * carbonserver's RunCreate/EmissionCreate (docs/API.md, CodeCarbon section). Nullable fields
 * accept null or a missing key; unknown keys are ignored (newer clients add fields).
 */

const nullableNumber = () => z.number().finite().nonnegative().nullish();
const nullableText = () => z.string().max(500).nullish();
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})$/;
export const ZCodecarbonTimestamp = z
  .string()
  .regex(ISO_WITH_OFFSET, 'expected an ISO 8601 date-time with offset')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not a valid date-time');

export const ZCodecarbonRunCreate = z.object({
  timestamp: ZCodecarbonTimestamp,
  experiment_id: z.uuid(),
  os: nullableText(),
  python_version: nullableText(),
  codecarbon_version: nullableText(),
  cpu_count: z.number().int().nonnegative().nullish(),
  cpu_model: nullableText(),
  gpu_count: z.number().int().nonnegative().nullish(),
  gpu_model: nullableText(),
  longitude: z.number().min(-180).max(180).nullish(),
  latitude: z.number().min(-90).max(90).nullish(),
  region: nullableText(),
  provider: nullableText(),
  ram_total_size: nullableNumber(),
  tracking_mode: nullableText(),
});
export type TCodecarbonRunCreate = z.output<typeof ZCodecarbonRunCreate>;

const percent = () => z.number().min(0).max(100).nullish();

export const ZCodecarbonEmissionCreate = z.object({
  timestamp: ZCodecarbonTimestamp,
  run_id: z.uuid(),
  /** Seconds since the previous post (a delta), > 0. */
  duration: z.number().positive(),
  /** Delta kg CO2e by CodeCarbon's own factor (kept for comparison; we recompute). */
  emissions_sum: nullableNumber(),
  emissions_rate: nullableNumber(),
  cpu_power: nullableNumber(),
  gpu_power: nullableNumber(),
  ram_power: nullableNumber(),
  cpu_energy: nullableNumber(),
  gpu_energy: nullableNumber(),
  ram_energy: nullableNumber(),
  /** Delta kWh, already multiplied by the tracker's PUE (default 1.0). */
  energy_consumed: nullableNumber(),
  cpu_utilization_percent: percent(),
  gpu_utilization_percent: percent(),
  ram_utilization_percent: percent(),
  wue: z.number().nonnegative().nullish(),
});
export type TCodecarbonEmissionCreate = z.output<typeof ZCodecarbonEmissionCreate>;

/** `POST /runs` answer: the stored run, i.e. the payload plus its id (the client keeps `id`). */
export const ZCodecarbonRun = ZCodecarbonRunCreate.extend({ id: z.uuid() });

/** `POST /emissions` answer: the emission's id as a JSON string. */
export const ZCodecarbonEmissionId = z.string();
