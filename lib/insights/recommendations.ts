import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { resolveAccelerator } from '@/lib/emissions/it-energy';
import type { TPhase } from '@/lib/schemas/usage-record';
import type { TWhatIfScenario } from '@/lib/schemas/what-if';
import { ACCELERATOR_THROUGHPUT_TFLOPS } from './accelerator-throughput';
import type { TRecommendation, TRecommendationScope, TScopedRecord } from './recommendation-types';
import { regionProbeKgPerItKwh } from './region-probe';
import { runScenario } from './run-scenario';
import { engineTotals } from './totals';
import type { TInsightInputs, TScenarioResult } from './types';

/** Phases that can move in place and time without hurting users (batch work). Inference is latency-bound. */
const MOVABLE_PHASES: readonly TPhase[] = ['training', 'fine_tuning', 'evaluation', 'data_processing'];
/** Below this annual saving (kg CO2e) or this fraction of the scope's emissions, a suggestion is noise. */
const MIN_SAVED_KG = 10;
const MIN_SAVED_FRACTION = 0.05;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

const where = (s: TRecommendationScope) =>
  s.provider ? `${s.provider} ${s.region ?? ''}`.trim() : 'an unknown place';
const what = (s: TRecommendationScope) =>
  `${s.projectName ?? 'unassigned'} ${s.phases.map((p) => p.replace('_', '-')).join('/')}`;

/**
 * Ranked Green-AI recommendations for the records of the last 12 months (the caller selects them, so the sums are
 * per year). Candidates: move batch work to the cleanest region the organisation already uses or the cleanest
 * region of the same provider; start batch work at the cleanest hour of the next 24 h where an hourly profile
 * exists; run on the most efficient accelerator the organisation already uses; serve inference quantised (INT8).
 * Each figure comes from the same scenario calculators as the what-if panel. Overlapping suggestions are not additive.
 */
export function buildRecommendations(
  records: readonly TScopedRecord[],
  inputs: TInsightInputs,
): TRecommendation[] {
  const library = ensureIndexed(inputs.library);
  const ins = { ...inputs, library };
  const totalKg = engineTotals(
    records.map((r) => r.input),
    ins,
  ).locationKgCo2e;
  const out: TRecommendation[] = [];
  const add = (
    scope: TRecommendationScope,
    scenario: TWhatIfScenario,
    key: string,
    result: TScenarioResult,
    title: string,
  ) => {
    const saved = -result.delta.locationKgCo2e;
    if (saved < MIN_SAVED_KG || saved < MIN_SAVED_FRACTION * result.baseline.locationKgCo2e) {
      return;
    }
    out.push({
      key,
      kind: scenario.kind,
      title,
      scope,
      scenario,
      annualSavedKgCo2e: saved,
      annualSavedMarketKgCo2e: -result.delta.marketKgCo2e,
      shareOfTotal: totalKg > 0 ? saved / totalKg : 0,
      annualSavedEnergyKwh: -result.delta.energyKwh,
      annualSavedWaterL: -result.delta.waterL,
      annualSavedCost: -result.delta.electricityCost,
      savedRangeKgCo2e: result.deltaRange
        ? { low: -result.deltaRange.low.locationKgCo2e, high: -result.deltaRange.high.locationKgCo2e }
        : null,
      confidence: result.confidence,
      label: result.label,
      assumptions: result.assumptions,
      sources: result.sources,
    });
  };
  const usedPlaces = [
    ...new Map(
      records.flatMap((r) =>
        r.input.provider && r.input.region
          ? [
              [
                `${r.input.provider}|${r.input.region}`,
                { provider: r.input.provider, region: r.input.region },
              ] as const,
            ]
          : [],
      ),
    ).values(),
  ];
  const usedAccelerators = [
    ...new Set(
      records.flatMap((r) => (resolveAccelerator(library, r.input.accelerator)?.id ?? []) as string[]),
    ),
  ].filter((id) => ACCELERATOR_THROUGHPUT_TFLOPS[id]);
  const run = (rs: TScopedRecord[], scenario: TWhatIfScenario) =>
    runScenario(
      rs.map((r) => r.input),
      scenario,
      ins,
      true,
    );

  // Batch work, per project × phase × place.
  const batch = records.filter((r) => MOVABLE_PHASES.includes(r.input.phase));
  for (const rs of groupBy(
    batch,
    (r) => `${r.projectSlug}|${r.input.phase}|${r.input.provider}|${r.input.region}`,
  ).values()) {
    const first = rs[0];
    if (!first?.input.provider || !first.input.region) {
      continue;
    }
    const scope: TRecommendationScope = {
      projectSlug: first.projectSlug,
      projectName: first.projectName,
      phases: [first.input.phase],
      provider: first.input.provider,
      region: first.input.region,
      accelerator: null,
    };
    const at = first.input.startedAt;
    const sameProvider = library.library.locations.filter((l) => l.provider === first.input.provider);
    const candidates = [
      ...usedPlaces,
      ...sameProvider.map((l) => ({ provider: l.provider, region: l.regionCode })),
    ];
    const best = candidates
      .map((c) => ({ ...c, kg: regionProbeKgPerItKwh(library, inputs.settings, c, at) }))
      .sort((a, b) => a.kg - b.kg)[0];
    if (best && !(best.provider === first.input.provider && best.region === first.input.region)) {
      const scenario: TWhatIfScenario = { kind: 'region', provider: best.provider, region: best.region };
      const result = run(rs, scenario);
      add(
        scope,
        scenario,
        `region:${scope.projectSlug}:${scope.phases[0]}:${where(scope)}→${best.provider} ${best.region}`,
        result,
        `Move ${what(scope)} from ${where(scope)} to ${best.provider} ${best.region}`,
      );
    }
    const time: TWhatIfScenario = { kind: 'time', withinHours: 24 };
    const shifted = run(rs, time);
    if (shifted.affectedRecords > 0) {
      add(
        scope,
        time,
        `time:${scope.projectSlug}:${scope.phases[0]}:${where(scope)}`,
        shifted,
        `Start ${what(scope)} in ${where(scope)} at the cleanest hour of the next 24 h`,
      );
    }
  }

  // Hardware, per project × phase × accelerator: the most efficient accelerator the organisation already runs.
  const wPerTflop = (id: string) => {
    const spec = library.library.accelerators.find((a) => a.id === id);
    const t = ACCELERATOR_THROUGHPUT_TFLOPS[id];
    return spec && t ? spec.tdpW / t.tflops : Number.POSITIVE_INFINITY;
  };
  const bestAccelerator = [...usedAccelerators].sort((a, b) => wPerTflop(a) - wPerTflop(b))[0];
  const onKnown = records.filter((r) => resolveAccelerator(library, r.input.accelerator));
  for (const rs of groupBy(
    onKnown,
    (r) => `${r.projectSlug}|${r.input.phase}|${resolveAccelerator(library, r.input.accelerator)?.id}`,
  ).values()) {
    const first = rs[0];
    const current = first ? resolveAccelerator(library, first.input.accelerator) : null;
    const target = bestAccelerator
      ? library.library.accelerators.find((a) => a.id === bestAccelerator)
      : undefined;
    if (
      !first ||
      !current ||
      !target ||
      current.id === target.id ||
      wPerTflop(current.id) <= wPerTflop(target.id)
    ) {
      continue;
    }
    const scope: TRecommendationScope = {
      projectSlug: first.projectSlug,
      projectName: first.projectName,
      phases: [first.input.phase],
      provider: null,
      region: null,
      accelerator: current.name,
    };
    const scenario: TWhatIfScenario = { kind: 'hardware', accelerator: target.name };
    add(
      scope,
      scenario,
      `hardware:${scope.projectSlug}:${scope.phases[0]}:${current.id}→${target.id}`,
      run(rs, scenario),
      `Run ${what(scope)} on ${target.name} instead of ${current.name}`,
    );
  }

  // Inference, per project: INT8 quantisation.
  const inference = records.filter((r) => r.input.phase === 'inference');
  for (const rs of groupBy(inference, (r) => `${r.projectSlug}`).values()) {
    const first = rs[0];
    if (!first) {
      continue;
    }
    const scope: TRecommendationScope = {
      projectSlug: first.projectSlug,
      projectName: first.projectName,
      phases: ['inference'],
      provider: null,
      region: null,
      accelerator: null,
    };
    const scenario: TWhatIfScenario = { kind: 'compression', technique: 'int8' };
    add(
      scope,
      scenario,
      `compression:${scope.projectSlug}:int8`,
      run(rs, scenario),
      `Serve ${scope.projectName ?? 'unassigned'} inference with 8-bit quantisation`,
    );
  }
  return out.sort((a, b) => b.annualSavedKgCo2e - a.annualSavedKgCo2e || a.key.localeCompare(b.key));
}
