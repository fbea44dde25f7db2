import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { createCellReader, hoursPerUnit } from './ai-usage-cells';
import type { TAiCsvReader } from './ai-usage-output';
import { pushBillingTokenCharge } from './billing-ai-row';

/**
 * AWS CUR 2.0 (Data Exports) rows: `Usage` lines of `AmazonBedrock` are token charges (model and direction in the
 * usage type and description); `AmazonEC2` instance hours of a catalog GPU instance type (`product_instance_type`)
 * become compute records through the instance-type catalog. Every other line (taxes, credits, storage, CPU
 * instances) is skipped.
 */
export function createAwsCurReader(
  knownInstanceTypes: ReadonlySet<string>,
  phase: TUsageRecordInput['phase'],
): TAiCsvReader {
  return {
    row(line, get, out) {
      const cells = createCellReader(get, line, out.sink);
      const product = cells.text('line_item_product_code');
      if (cells.text('line_item_line_item_type') !== 'Usage') {
        out.skipped++;
        return;
      }
      const instanceType = cells.text('product_instance_type');
      const isGpu = product === 'AmazonEC2' && knownInstanceTypes.has(instanceType.toLowerCase());
      if (product !== 'AmazonBedrock' && !isGpu) {
        out.skipped++;
        return;
      }
      const charge = cells.charge(
        'line_item_usage_start_date',
        'line_item_usage_end_date',
        'line_item_usage_amount',
      );
      if (!charge) {
        return;
      }
      const { start, end, quantity: amount } = charge;
      const region = cells.text('product_region_code') || null;
      const account = cells.text('line_item_usage_account_id');
      const tags: Record<string, string> = account ? { account } : {};
      if (product === 'AmazonBedrock') {
        pushBillingTokenCharge(
          {
            line,
            provider: 'aws-bedrock',
            service: 'Amazon Bedrock',
            descriptions: [
              { column: 'line_item_usage_type', text: cells.text('line_item_usage_type') },
              {
                column: 'line_item_line_item_description',
                text: cells.text('line_item_line_item_description'),
              },
            ],
            quantity: amount,
            unit: cells.text('pricing_unit'),
            unitColumn: 'pricing_unit',
            periodStart: start,
            periodEnd: end,
            region,
            team: null,
            project: null,
            tags,
          },
          out,
        );
        return;
      }
      const perUnit = hoursPerUnit(cells.text('pricing_unit'));
      if (perUnit === null) {
        out.sink.error(line, 'pricing_unit', `pricing_unit "${cells.text('pricing_unit')}" is not hours`);
        return;
      }
      out.gpu.push({
        line,
        record: {
          phase,
          startedAt: new Date(start),
          endedAt: new Date(end),
          provider: 'aws',
          ...(region ? { region } : {}),
          instanceType,
          instanceHours: amount * perUnit,
          ...(cells.text('line_item_resource_id')
            ? { notes: `resource ${cells.text('line_item_resource_id')}` }
            : {}),
        } as TUsageRecordInput,
      });
    },
    finish() {},
  };
}
