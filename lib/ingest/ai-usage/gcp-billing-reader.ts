import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { createCellReader, hoursPerUnit, parseTagCell } from './ai-usage-cells';
import { splitTeamProject, type TAiCsvReader } from './ai-usage-output';
import { pushBillingTokenCharge } from './billing-ai-row';

/** `service.description` values that carry generative-AI token charges. */
const GENAI_SERVICES = new Set(['vertex ai', 'gemini api', 'generative language api']);

/**
 * Google Cloud billing export (standard usage cost, flattened with dotted column names). Vertex AI / Gemini API
 * rows are token charges (model and direction in `sku.description`; consumption in `usage.amount` + `usage.unit`).
 * Compute Engine GPU rows (the GPU SKU, with `compute.googleapis.com/machine_spec` and `accelerator_count` system
 * labels) become instance-hour records: GPU-hours / accelerators per machine. Other rows (cores, RAM, storage) are
 * skipped, so a GPU machine is counted once.
 */
export function createGcpBillingReader(
  knownInstanceTypes: ReadonlySet<string>,
  phase: TUsageRecordInput['phase'],
): TAiCsvReader {
  return {
    row(line, get, out) {
      const cells = createCellReader(get, line, out.sink);
      const service = cells.text('service.description');
      const sku = cells.text('sku.description');
      const system = parseTagCell(cells.text('system_labels'));
      const machine = system['compute.googleapis.com/machine_spec'] ?? '';
      const isGenAi = GENAI_SERVICES.has(service.toLowerCase());
      const isGpu =
        service === 'Compute Engine' && /\bgpu\b/i.test(sku) && knownInstanceTypes.has(machine.toLowerCase());
      if (!isGenAi && !isGpu) {
        out.skipped++;
        return;
      }
      const charge = cells.charge('usage_start_time', 'usage_end_time', 'usage.amount');
      if (!charge) {
        return;
      }
      const { start, end, quantity: amount } = charge;
      const region = cells.text('location.region') || cells.text('location.location') || null;
      const labels = splitTeamProject(parseTagCell(cells.text('labels')));
      const project = labels.project ?? (cells.text('project.id') || null);
      if (isGenAi) {
        pushBillingTokenCharge(
          {
            line,
            provider: 'google-vertex',
            service,
            descriptions: [{ column: 'sku.description', text: sku }],
            quantity: amount,
            unit: cells.text('usage.unit'),
            unitColumn: 'usage.unit',
            periodStart: start,
            periodEnd: end,
            region,
            team: labels.team,
            project,
            tags: labels.tags,
          },
          out,
        );
        return;
      }
      const perUnit = hoursPerUnit(cells.text('usage.unit'));
      const perMachine = Number(system['compute.googleapis.com/accelerator_count'] ?? '');
      if (perUnit === null || !(perMachine > 0)) {
        out.sink.error(
          line,
          perUnit === null ? 'usage.unit' : 'system_labels',
          perUnit === null
            ? `usage.unit "${cells.text('usage.unit')}" is not a time unit`
            : 'the GPU row has no compute.googleapis.com/accelerator_count label',
        );
        return;
      }
      out.gpu.push({
        line,
        record: {
          phase,
          startedAt: new Date(start),
          endedAt: new Date(end),
          provider: 'gcp',
          ...(region ? { region } : {}),
          ...(labels.team ? { team: labels.team } : {}),
          ...(project ? { project } : {}),
          instanceType: machine,
          instanceHours: (amount * perUnit) / perMachine,
        } as TUsageRecordInput,
      });
    },
    finish() {},
  };
}
