import { EDGE_OWNERSHIPS, type TEdgeOwnership } from '@/lib/emissions/ai-services/edge-ai-service';
import type { TEdgeDeviceClass } from '@/lib/emissions/ai-services/estimate-edge-inference';
import { parseNumberCell } from '../parse-number';
import type { TCellReader } from './ai-usage-cells';
import type { TAiUsageOutput } from './ai-usage-output';
import { EDGE_CSV_COLUMNS, EDGE_DEVICE_CLASSES, estimateEdgeEnergy, type TEdgeUsage } from './edge-usage';

/** Optional positive figures of an on-device row: estimator field → the template's column. */
const EDGE_NUMBERS = [
  'inferencesPerDevice',
  'energyPerInferenceWh',
  'tokensPerDevice',
  'joulesPerToken',
] as const;

/**
 * A template row with provider `edge` (issue #21 item 6, docs/CSV_FORMAT.md "On-device inference rows"):
 * device class, count, ownership and country, the period, an optional model name, and inferences with Wh per
 * inference or tokens (with J/token when measured). Every bad cell is an error on its column; the estimator's
 * own refusals (a phone without a stated J/token…) too, so that nothing of a bad file is stored.
 */
export function readEdgeTemplateRow(
  line: number,
  get: (column: string) => string | undefined,
  cells: TCellReader,
  out: TAiUsageOutput,
): void {
  const start = cells.instant('period_start');
  const end = cells.instant('period_end');
  let bad = false;
  const fail = (field: string, message: string) => {
    out.sink.error(line, EDGE_CSV_COLUMNS[field] ?? field, message);
    bad = true;
  };
  const deviceClass = cells.text('device_class').toLowerCase();
  if (!EDGE_DEVICE_CLASSES.includes(deviceClass as TEdgeDeviceClass)) {
    fail('deviceClass', `device_class must be one of ${EDGE_DEVICE_CLASSES.join(', ')}`);
  }
  const ownership = cells.text('device_ownership').toLowerCase();
  if (!EDGE_OWNERSHIPS.includes(ownership as TEdgeOwnership)) {
    fail('ownership', 'device_ownership must be company (your devices) or shipped (products you sold)');
  }
  const country = cells.text('device_country');
  if (!country) {
    fail(
      'country',
      'device_country is empty: give the country where the devices run (its grid factor is used)',
    );
  }
  const count = parseNumberCell(get('device_count') ?? '');
  if (count.kind !== 'number' || !(count.value > 0)) {
    fail('deviceCount', 'device_count must be a number above 0');
  }
  const numbers: Partial<Record<(typeof EDGE_NUMBERS)[number], number>> = {};
  for (const field of EDGE_NUMBERS) {
    const column = EDGE_CSV_COLUMNS[field] ?? field;
    const cell = parseNumberCell(get(column) ?? '');
    if (cell.kind === 'invalid') {
      fail(field, cell.message);
    } else if (cell.kind === 'number' && !(cell.value > 0)) {
      fail(field, `${column} must be above 0`);
    } else if (cell.kind === 'number') {
      numbers[field] = cell.value;
    }
  }
  if (bad || cells.failed || !start || !end || count.kind !== 'number') {
    return;
  }
  if (Date.parse(end) <= Date.parse(start)) {
    out.sink.error(line, 'period_end', 'period_end must be after period_start');
    return;
  }
  const edge: TEdgeUsage = {
    deviceClass: deviceClass as TEdgeDeviceClass,
    deviceCount: count.value,
    ownership: ownership as TEdgeOwnership,
    country,
    ...numbers,
  };
  const estimate = estimateEdgeEnergy(edge);
  if (!estimate.ok) {
    out.sink.error(line, EDGE_CSV_COLUMNS[estimate.field] ?? estimate.field, estimate.message);
    return;
  }
  out.ai.push({
    line,
    provider: 'edge',
    service: 'edge',
    modelRaw: cells.text('model'),
    // Not a repository model: the upload review has no model name to ask about (`distinctModelNames`).
    modelLookup: { kind: 'description', provider: 'edge' },
    periodStart: start,
    periodEnd: end,
    inputTokens: 0,
    outputTokens: (numbers.tokensPerDevice ?? 0) * count.value,
    cachedInputTokens: null,
    requests: null,
    meanLatencyS: null,
    team: cells.text('team') || null,
    project: cells.text('project') || null,
    tags: {},
    region: country,
    quantityBasis: 'metered',
    edge,
  });
}
