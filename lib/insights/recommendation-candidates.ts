import type { IndexedFactorLibrary } from '@/lib/emissions/index-factor-library';
import type { MethodologySettings } from '@/lib/emissions/methodology-settings';
import { resolveAccelerator } from '@/lib/emissions/resolve-accelerator';
import { phaseLabel } from '@/lib/format/labels';
import { placeLabel } from '@/lib/format/place-label';
import type { TPhase } from '@/lib/schemas/usage-record';
import type { TWhatIfScenario } from '@/lib/schemas/what-if';
import { ACCELERATOR_THROUGHPUT_TFLOPS } from './accelerator-throughput';
import type { TRecommendationScope, TScopedRecord } from './recommendation-types';
import { regionProbeKgPerItKwh } from './region-probe';

/** A suggestion to evaluate: the records it applies to and the what-if scenario that measures it. */
export interface TCandidate {
  key: string;
  title: string;
  scope: TRecommendationScope;
  scenario: TWhatIfScenario;
  records: TScopedRecord[];
}

/** Phases that can move in place and time without hurting users (batch work). Inference is latency-bound. */
const MOVABLE_PHASES: readonly TPhase[] = ['training', 'fine_tuning', 'evaluation', 'data_processing'];

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()];
}

const where = (s: TRecommendationScope) => `${s.provider ?? ''} ${s.region ?? ''}`.trim();
/** "AWS ap-southeast-2": the provider's name for titles (`where` stays the stable code inside keys). */
const place = (provider: string | null, region: string | null) => placeLabel({ provider, region });
const what = (s: TRecommendationScope) =>
  `${s.projectName ?? 'unassigned'} ${s.phases.map((p) => phaseLabel(p).toLowerCase()).join('/')}`;
const baseScope = (r: TScopedRecord): TRecommendationScope => ({
  projectSlug: r.projectSlug,
  projectName: r.projectName,
  phases: [r.input.phase],
  provider: null,
  region: null,
  accelerator: null,
});

/**
 * Batch work per project × phase × place: move it to the cleanest place among those the organisation already
 * uses and the same provider's regions (ranked by a 1 kWh probe: PUE × intensity at the group's first date), and
 * start it at the cleanest hour of the next 24 h where the zone has an hourly profile.
 */
export function placementCandidates(
  records: readonly TScopedRecord[],
  library: IndexedFactorLibrary,
  settings: MethodologySettings,
): TCandidate[] {
  const used = new Map(
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
  );
  const batch = records.filter((r) => MOVABLE_PHASES.includes(r.input.phase));
  return groupBy(
    batch,
    (r) => `${r.projectSlug}|${r.input.phase}|${r.input.provider}|${r.input.region}`,
  ).flatMap((rs) => {
    const first = rs[0];
    if (!first?.input.provider || !first.input.region) {
      return [];
    }
    const scope = { ...baseScope(first), provider: first.input.provider, region: first.input.region };
    const sameProvider = library.library.locations
      .filter((l) => l.provider === first.input.provider)
      .map((l) => ({ provider: l.provider, region: l.regionCode }));
    const best = [...used.values(), ...sameProvider]
      .map((c) => ({ ...c, kg: regionProbeKgPerItKwh(library, settings, c, first.input.startedAt) }))
      .sort((a, b) => a.kg - b.kg)[0];
    const out: TCandidate[] = [
      {
        key: `time:${scope.projectSlug}:${scope.phases[0]}:${where(scope)}`,
        title: `Start ${what(scope)} in ${place(scope.provider, scope.region)} at the cleanest hour of the next 24 h`,
        scope,
        scenario: { kind: 'time', withinHours: 24 },
        records: rs,
      },
    ];
    if (best && !(best.provider === scope.provider && best.region === scope.region)) {
      out.push({
        key: `region:${scope.projectSlug}:${scope.phases[0]}:${where(scope)}→${best.provider} ${best.region}`,
        title: `Move ${what(scope)} from ${place(scope.provider, scope.region)} to ${place(best.provider, best.region)}`,
        scope,
        scenario: { kind: 'region', provider: best.provider, region: best.region },
        records: rs,
      });
    }
    return out;
  });
}

/**
 * Per project × phase × accelerator: the most energy-efficient accelerator (W per peak TFLOPS) the organisation
 * already runs among those with at least the current memory per device (the model must still fit).
 */
export function hardwareCandidates(
  records: readonly TScopedRecord[],
  library: IndexedFactorLibrary,
): TCandidate[] {
  const specs = library.library.accelerators;
  const wPerTflop = (id: string) => {
    const spec = specs.find((a) => a.id === id);
    const t = ACCELERATOR_THROUGHPUT_TFLOPS[id];
    return spec && t ? spec.tdpW / t.tflops : Number.POSITIVE_INFINITY;
  };
  const used = [
    ...new Set(records.flatMap((r) => resolveAccelerator(library, r.input.accelerator)?.id ?? [])),
  ];
  const onKnown = records.filter((r) => resolveAccelerator(library, r.input.accelerator));
  return groupBy(
    onKnown,
    (r) => `${r.projectSlug}|${r.input.phase}|${resolveAccelerator(library, r.input.accelerator)?.id}`,
  ).flatMap((rs) => {
    const first = rs[0];
    const current = first ? resolveAccelerator(library, first.input.accelerator) : null;
    if (!first || !current) {
      return [];
    }
    const target = used
      .map((id) => specs.find((a) => a.id === id))
      .filter((a) => a && (a.memoryGb ?? 0) >= (current.memoryGb ?? Number.POSITIVE_INFINITY))
      .sort((a, b) => wPerTflop(a?.id ?? '') - wPerTflop(b?.id ?? ''))[0];
    if (!target || target.id === current.id || wPerTflop(current.id) <= wPerTflop(target.id)) {
      return [];
    }
    const scope = { ...baseScope(first), accelerator: current.name };
    return [
      {
        key: `hardware:${scope.projectSlug}:${scope.phases[0]}:${current.id}→${target.id}`,
        title: `Run ${what(scope)} on ${target.name} instead of ${current.name}`,
        scope,
        scenario: { kind: 'hardware', accelerator: target.name },
        records: rs,
      },
    ];
  });
}

/** Inference per project: serve with 8-bit quantisation (literature range, low confidence). */
export function compressionCandidates(records: readonly TScopedRecord[]): TCandidate[] {
  return groupBy(
    records.filter((r) => r.input.phase === 'inference'),
    (r) => `${r.projectSlug}`,
  ).flatMap((rs) => {
    const first = rs[0];
    return first
      ? [
          {
            key: `compression:${first.projectSlug}:int8`,
            title: `Serve ${first.projectName ?? 'unassigned'} inference with 8-bit quantisation`,
            scope: baseScope(first),
            scenario: { kind: 'compression', technique: 'int8' } as const,
            records: rs,
          },
        ]
      : [];
  });
}
