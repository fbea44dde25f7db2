import { z } from 'zod';
import { type TUsageRecordInput, USAGE_RECORD_CSV_COLUMNS } from './usage-record';

/**
 * Column mapping for CSV files whose headers are not our generic template v1: the user maps each source
 * header to a canonical record field and, for energy/power fields, states the unit of the source column.
 * Shared by the upload form (mapping dialog) and the parsers in `lib/ingest/`.
 */

export type TUsageRecordField = keyof TUsageRecordInput;

/** Canonical record fields a source column can map to, in template order. */
export const MAPPABLE_FIELDS = Object.values(USAGE_RECORD_CSV_COLUMNS) as [
  TUsageRecordField,
  ...TUsageRecordField[],
];

export const MAPPING_UNITS = ['Wh', 'kWh', 'MWh', 'W', 'kW'] as const;
export type TMappingUnit = (typeof MAPPING_UNITS)[number];

/**
 * Multiplier from a source unit to the canonical unit of each field that accepts a unit. Canonical units:
 * energyKwh in kWh, energyPerRequestWh in Wh, acceleratorPowerW in W. Fields not listed take no unit.
 */
export const UNIT_FACTORS: Partial<Record<TUsageRecordField, Partial<Record<TMappingUnit, number>>>> = {
  energyKwh: { Wh: 1e-3, kWh: 1, MWh: 1e3 },
  energyPerRequestWh: { Wh: 1, kWh: 1e3, MWh: 1e6 },
  acceleratorPowerW: { W: 1, kW: 1e3 },
};

export const ZColumnMappingTarget = z.object({
  field: z.enum(MAPPABLE_FIELDS),
  unit: z.enum(MAPPING_UNITS).optional(),
});

/** `{ [sourceHeader]: { field, unit? } }`; each field may be the target of one source column only. */
export const ZColumnMapping = z
  .record(z.string().min(1), ZColumnMappingTarget)
  .superRefine((mapping, ctx) => {
    const seen = new Map<string, string>();
    for (const [header, target] of Object.entries(mapping)) {
      if (target.unit !== undefined && UNIT_FACTORS[target.field]?.[target.unit] === undefined) {
        const allowed = Object.keys(UNIT_FACTORS[target.field] ?? {});
        ctx.addIssue({
          code: 'custom',
          path: [header, 'unit'],
          message: allowed.length
            ? `unit ${target.unit} does not fit ${target.field}; use one of ${allowed.join(', ')}`
            : `${target.field} takes no unit`,
        });
      }
      const previous = seen.get(target.field);
      if (previous !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [header, 'field'],
          message: `columns "${previous}" and "${header}" both map to ${target.field}`,
        });
      }
      seen.set(target.field, header);
    }
  });

export type TColumnMapping = z.output<typeof ZColumnMapping>;
export type TColumnMappingTarget = z.output<typeof ZColumnMappingTarget>;
