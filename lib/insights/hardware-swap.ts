import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { resolveAccelerator } from '@/lib/emissions/resolve-accelerator';
import { ACCELERATOR_THROUGHPUT_TFLOPS } from './accelerator-throughput';
import { COST_ASSUMPTION } from './electricity-price';
import { scaleWork } from './scale-work';
import { engineTotals, runEngine, subtractTotals, totalsOf } from './totals';
import type { TInsightInputs, TRecords, TScenarioResult } from './types';

export interface THardwareSwapParams {
  /** Target accelerator: catalog id, name or alias. */
  accelerator: string;
}

/**
 * The same work on another accelerator. Unit of work = peak dense 16-bit TFLOP (datasheet), so
 * device-hours scale by T_old / T_new; the engine then models power from the target's TDP and the row's
 * utilisation. Metered and per-request energy scale by the energy-per-work ratio (TDP_new/T_new)/(TDP_old/T_old).
 */
export function hardwareSwapScenario(
  records: TRecords,
  params: THardwareSwapParams,
  inputs: TInsightInputs,
): TScenarioResult {
  const library = ensureIndexed(inputs.library);
  const target = resolveAccelerator(library, params.accelerator);
  const targetThroughput = target ? ACCELERATOR_THROUGHPUT_TFLOPS[target.id] : undefined;
  const footprints = runEngine(records, { ...inputs, library });
  const baseline = totalsOf(footprints, inputs.electricityPricePerKwh);
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  let affected = 0;
  const swapped = records.map((record, i) => {
    const fp = footprints[i];
    const source = resolveAccelerator(library, record.accelerator);
    const sourceThroughput = source ? ACCELERATOR_THROUGHPUT_TFLOPS[source.id] : undefined;
    if (!fp || !target || !targetThroughput) {
      skip('target accelerator has no throughput figure');
      return record;
    }
    if (!source || !sourceThroughput) {
      skip('current accelerator unknown or without a throughput figure');
      return record;
    }
    if (source.id === target.id) {
      skip('already on the target accelerator');
      return record;
    }
    affected += 1;
    // Energy per TFLOP: W / TFLOPS. Example H100 SXM 700/989 = 0.708; A100 SXM4 400/312 = 1.282.
    const energyRatio = target.tdpW / targetThroughput.tflops / (source.tdpW / sourceThroughput.tflops);
    const hoursRatio = sourceThroughput.tflops / targetThroughput.tflops;
    const { acceleratorPowerW: _stated, ...rest } = scaleWork(record, fp, energyRatio, hoursRatio);
    return { ...rest, accelerator: target.name };
  });
  const scenario = engineTotals(swapped, { ...inputs, library });
  const sources = [
    ...new Set(
      [target?.id, ...records.map((r) => resolveAccelerator(library, r.accelerator)?.id)].flatMap((id) => {
        const entry = id ? ACCELERATOR_THROUGHPUT_TFLOPS[id] : undefined;
        return entry ? [entry.source] : [];
      }),
    ),
  ];
  return {
    kind: 'hardware',
    title: `Run on ${target?.name ?? params.accelerator}`,
    baseline,
    scenario,
    delta: subtractTotals(scenario, baseline),
    deltaRange: null,
    affectedRecords: affected,
    unchanged: [...skipped].map(([reason, n]) => ({ reason, records: n })),
    assumptions: [
      'Unit of work = peak dense 16-bit tensor TFLOP (vendor datasheet); both devices reach the same fraction of peak (equal MFU) and the same utilisation.',
      'Device-hours scale by T_old/T_new; power comes from the target TDP (catalog) with the row utilisation; stated power is dropped.',
      'Embodied emissions follow the target device and its device-hours; memory limits, lower precisions (FP8) and software maturity are not modelled.',
      COST_ASSUMPTION,
    ],
    sources: [...sources, target?.source ?? ''].filter((s) => s.length > 0),
    confidence: 'low',
    label: 'estimate (datasheet proxy)',
    currency: inputs.currency,
  };
}
