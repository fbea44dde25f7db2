// Human labels for the stored codes the UI shows (no raw enum values such as data_processing on screen).
// Unknown codes fall back to a readable form of the code rather than throwing: a new enum value shows up as
// "Some value" until it gets a label here.
import type { FactorRefKind } from '@/lib/emissions/footprint-types';
import type { TPhase } from '@/lib/schemas/usage-record';

/** "data_processing" → "Data processing". */
export function humanizeCode(code: string): string {
  const words = code.replaceAll(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every phase named (typed on the enum: a new phase fails to compile until it has a label). */
export const PHASE_LABELS: Record<TPhase, string> = {
  training: 'Training',
  fine_tuning: 'Fine-tuning',
  inference: 'Inference',
  evaluation: 'Evaluation',
  data_processing: 'Data processing',
  other: 'Other',
};

/** Workload phase. */
export const phaseLabel = (phase: string) => PHASE_LABELS[phase as TPhase] ?? humanizeCode(phase);

const FACTOR_KINDS: Record<FactorRefKind, string> = {
  'grid-intensity': 'Grid carbon intensity',
  'residual-mix': 'Residual mix',
  'energy-contract': 'Energy contract',
  pue: 'PUE (facility overhead)',
  wue: 'WUE (on-site water)',
  ewif: 'EWIF (off-site water)',
  'accelerator-power': 'Accelerator power',
  'accelerator-embodied': 'Accelerator embodied emissions',
  'instance-host-power': 'Instance host power',
  utilization: 'Utilisation',
};

/** Kind of a factor cited by a result. */
export const factorKindLabel = (kind: string) => FACTOR_KINDS[kind as FactorRefKind] ?? humanizeCode(kind);

const ROLES: Record<string, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  viewer: 'Viewer',
  auditor: 'Auditor',
};

/** Member role. */
export const roleLabel = (role: string) => ROLES[role] ?? humanizeCode(role);

const INTENSITY_SOURCES: Record<string, string> = {
  row: 'given on the record',
  hourly: 'hourly grid data',
  monthly: 'monthly grid average',
  yearly: 'yearly grid average',
  'nearest-year': 'nearest year’s grid average',
  country: 'country average',
  world: 'world average (no local factor)',
};

/** Where a record's grid intensity came from. */
export const intensitySourceLabel = (source: string) => INTENSITY_SOURCES[source] ?? humanizeCode(source);

const BASES: Record<string, string> = { direct: 'direct (combustion only)', lifecycle: 'life-cycle' };

/** Factor basis. */
export const basisLabel = (basis: string) => BASES[basis] ?? humanizeCode(basis);

/**
 * Third-party AI service of a record. `names` are the services' names (reference/ai-services/providers.csv, read on
 * the server: "azure-openai" → "Azure OpenAI"); a code missing there reads as words, never as the raw code.
 */
export function aiServiceLabel(code: string, names?: ReadonlyMap<string, string>): string {
  return names?.get(code) ?? (code === 'other' ? 'Other AI service' : humanizeCode(code));
}
