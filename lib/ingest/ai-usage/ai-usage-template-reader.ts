import { parseNumberCell } from '../parse-number';
import { createCellReader } from './ai-usage-cells';
import type { TAiCsvReader } from './ai-usage-output';
import type { TAiUsageOverrides } from './ai-usage-types';
import { readEdgeTemplateRow } from './read-edge-template-row';

/** Optional positive overrides: column → field of `TAiUsageOverrides`, with the smallest allowed value. */
const OVERRIDES: [column: string, field: keyof TAiUsageOverrides, min: number][] = [
  ['active_params_b', 'activeParamsB', Number.MIN_VALUE],
  ['total_params_b', 'totalParamsB', Number.MIN_VALUE],
  ['pue', 'pue', 1],
  ['wue_onsite_l_per_kwh', 'wueOnsiteLPerKwh', 0],
  ['grid_kg_co2e_per_kwh', 'gridKgCo2ePerKwh', 0],
  ['grid_water_l_per_kwh', 'gridWaterLPerKwh', 0],
];

/**
 * Our own AI usage template (columns in docs/CSV_FORMAT.md "AI usage template"): one row per provider × model × period (what a gateway or a client library reports),
 * optionally with a model size and site factors instead of the repository and provider profile (the EcoLogits
 * test rows). The provider and model are checked against the repository when the row is estimated.
 */
export function createAiUsageTemplateReader(): TAiCsvReader {
  return {
    row(line, get, out) {
      const cells = createCellReader(get, line, out.sink);
      if (cells.text('provider').toLowerCase() === 'edge') {
        readEdgeTemplateRow(line, get, cells, out);
        return;
      }
      const start = cells.instant('period_start');
      const end = cells.instant('period_end');
      const inputTokens = cells.count('input_tokens');
      const outputTokens = cells.count('output_tokens', null);
      const requests = cells.count('requests', null);
      const latency = cells.count('mean_latency_s', null);
      if (outputTokens === null && !cells.failed) {
        out.sink.error(
          line,
          'output_tokens',
          'output_tokens is empty (the method estimates from output tokens)',
        );
        return;
      }
      const overrides: TAiUsageOverrides = {};
      let bad = false;
      for (const [column, field, min] of OVERRIDES) {
        const cell = parseNumberCell(get(column) ?? '');
        if (cell.kind === 'invalid') {
          out.sink.error(line, column, cell.message);
          bad = true;
        } else if (cell.kind === 'number' && cell.value < min) {
          out.sink.error(
            line,
            column,
            `${column} must be ${min === Number.MIN_VALUE ? 'above 0' : `at least ${min}`}`,
          );
          bad = true;
        } else if (cell.kind === 'number') {
          (overrides as Record<string, number>)[field] = cell.value;
        }
      }
      const zone = cells.text('zone').toUpperCase();
      const model = cells.text('model');
      const provider = cells.text('provider').toLowerCase();
      if (!model && overrides.activeParamsB === undefined) {
        out.sink.error(
          line,
          'model',
          'give a model name, or the model size in active_params_b and total_params_b',
        );
        return;
      }
      if (bad || cells.failed || !start || !end || inputTokens === null) {
        return;
      }
      if (Date.parse(end) <= Date.parse(start)) {
        out.sink.error(line, 'period_end', 'period_end must be after period_start');
        return;
      }
      out.ai.push({
        line,
        provider: provider || null,
        service: provider || 'model size given',
        modelRaw: model,
        modelLookup: { kind: 'name', provider: provider || null, name: model },
        periodStart: start,
        periodEnd: end,
        inputTokens,
        outputTokens: outputTokens as number,
        cachedInputTokens: null,
        requests,
        meanLatencyS: latency,
        team: cells.text('team') || null,
        project: cells.text('project') || null,
        tags: {},
        region: cells.text('region') || null,
        quantityBasis: 'metered',
        ...(Object.keys(overrides).length > 0 || zone
          ? { overrides: { ...overrides, ...(zone ? { zone } : {}) } }
          : {}),
      });
    },
    finish() {},
  };
}
