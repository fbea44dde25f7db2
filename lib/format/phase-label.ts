import type { TPhase } from '@/lib/schemas/usage-record';

/** How a workload phase is named on screen and paper (the stored values are codes such as `data_processing`). */
export const PHASE_LABELS: Record<TPhase, string> = {
  training: 'Training',
  fine_tuning: 'Fine-tuning',
  inference: 'Inference',
  evaluation: 'Evaluation',
  data_processing: 'Data processing',
  other: 'Other',
};
