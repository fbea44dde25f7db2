import { z } from 'zod';

/** Records explorer paging and sorting (the filters themselves come from ZDashboardFilters). */
export const RECORD_SORTS = [
  'started_at',
  'location_kg_co2e',
  'market_kg_co2e',
  'facility_energy_kwh',
  'model',
  'phase',
] as const;
export type TRecordSort = (typeof RECORD_SORTS)[number];

export const RECORDS_PAGE_SIZE = 50;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const ZRecordsQuery = z.object({
  sort: z.preprocess(first, z.enum(RECORD_SORTS)).catch('started_at'),
  dir: z.preprocess(first, z.enum(['asc', 'desc'])).catch('desc'),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000)).catch(1),
  /** Only the records one upload created ("View these N records" after an upload). */
  upload: z.preprocess(first, z.uuid().optional()).catch(undefined),
});
export type TRecordsQuery = z.output<typeof ZRecordsQuery>;
