/**
 * Model lifecycle: per model, the cumulative footprint of training, each fine-tune or retrain, and inference,
 * and the first day cumulative inference exceeded cumulative training + fine-tuning. Pure.
 * Training and fine-tuning runs count in full on the day they start (a run is a capital outlay); inference
 * accumulates day by day.
 */

export interface TLifecycleRun {
  id: string;
  model: string;
  phase: 'training' | 'fine_tuning';
  /** YYYY-MM-DD (UTC) of the run start. */
  day: string;
  locationKgCo2e: number;
}

export interface TLifecycleInferenceDay {
  model: string;
  day: string;
  locationKgCo2e: number;
}

export interface TLifecyclePoint {
  day: string;
  /** Cumulative tCO2e to the end of the day. */
  trainingT: number;
  fineTuningT: number;
  inferenceT: number;
}

export interface TModelLifecycle {
  model: string;
  trainingKgCo2e: number;
  fineTuningKgCo2e: number;
  inferenceKgCo2e: number;
  runs: TLifecycleRun[];
  /** Runs after the first training run of the model (retrains and fine-tunes): the cost of continuous retraining. */
  retrainingKgCo2e: number;
  /** First day cumulative inference > cumulative training + fine-tuning (null: never, or no training). */
  inferenceOvertookOn: string | null;
  series: TLifecyclePoint[];
}

export function buildModelLifecycles(
  runs: TLifecycleRun[],
  inference: TLifecycleInferenceDay[],
): TModelLifecycle[] {
  const models = [...new Set([...runs.map((r) => r.model), ...inference.map((i) => i.model)])].sort();
  return models
    .map((model) =>
      buildOne(
        model,
        runs.filter((r) => r.model === model),
        inference.filter((i) => i.model === model),
      ),
    )
    .sort((a, b) => total(b) - total(a) || a.model.localeCompare(b.model));
}

const total = (m: TModelLifecycle) => m.trainingKgCo2e + m.fineTuningKgCo2e + m.inferenceKgCo2e;

function buildOne(
  model: string,
  runs: TLifecycleRun[],
  inference: TLifecycleInferenceDay[],
): TModelLifecycle {
  const sortedRuns = [...runs].sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
  const days = [...new Set([...sortedRuns.map((r) => r.day), ...inference.map((i) => i.day)])].sort();
  const runsByDay = new Map<string, TLifecycleRun[]>();
  for (const run of sortedRuns) {
    runsByDay.set(run.day, [...(runsByDay.get(run.day) ?? []), run]);
  }
  const inferenceByDay = new Map<string, number>();
  for (const i of inference) {
    inferenceByDay.set(i.day, (inferenceByDay.get(i.day) ?? 0) + i.locationKgCo2e);
  }
  let training = 0;
  let fineTuning = 0;
  let inferenceKg = 0;
  let overtook: string | null = null;
  const series: TLifecyclePoint[] = [];
  for (const day of days) {
    for (const run of runsByDay.get(day) ?? []) {
      if (run.phase === 'training') {
        training += run.locationKgCo2e;
      } else {
        fineTuning += run.locationKgCo2e;
      }
    }
    inferenceKg += inferenceByDay.get(day) ?? 0;
    if (overtook === null && training > 0 && inferenceKg > training + fineTuning) {
      overtook = day;
    }
    series.push({
      day,
      trainingT: training / 1000,
      fineTuningT: fineTuning / 1000,
      inferenceT: inferenceKg / 1000,
    });
  }
  const firstTraining = sortedRuns.find((r) => r.phase === 'training');
  const retraining = sortedRuns
    .filter((r) => r !== firstTraining)
    .reduce((sum, r) => sum + r.locationKgCo2e, 0);
  return {
    model,
    trainingKgCo2e: training,
    fineTuningKgCo2e: fineTuning,
    inferenceKgCo2e: inferenceKg,
    runs: sortedRuns,
    retrainingKgCo2e: retraining,
    inferenceOvertookOn: overtook,
    series,
  };
}
