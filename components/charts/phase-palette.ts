import type { TPhase } from '@/lib/schemas/usage-record';

// One colour per workload phase, used by every chart so a phase looks the same everywhere.
export const PHASE_COLORS: Record<TPhase, string> = {
  training: '#0f766e',
  fine_tuning: '#14b8a6',
  inference: '#6366f1',
  evaluation: '#f59e0b',
  data_processing: '#94a3b8',
  other: '#cbd5e1',
};

// Labels live in lib/format/phase-label.ts so the pure report code names phases the same way.
export { PHASE_LABELS } from '@/lib/format/phase-label';
