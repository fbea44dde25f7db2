import type { z } from 'zod';
import type {
  ZEstimateResponse,
  ZRecordErrorsResponse,
  ZRecordRow,
  ZRecordsPage,
  ZStoreRecordsResponse,
  ZSummaryQuery,
  ZSummaryResponse,
} from '@/lib/schemas/api-v1';
import type { ZLocationList, ZZoneFactorList } from '@/lib/schemas/api-v1-factors';
import type { ZRecordDetail } from '@/lib/schemas/api-v1-record';
import type { ZMeResponse, ZUploadDetail, ZUploadList } from '@/lib/schemas/api-v1-uploads';
import type {
  ZCodecarbonExperiment,
  ZCodecarbonExperimentCreate,
} from '@/lib/schemas/codecarbon-experiments';
import type { TFilterDimension } from '@/lib/schemas/dashboard-filters';
import type { ZUsageRecordInput } from '@/lib/schemas/usage-record';

/**
 * Request and response types of the typed client, inferred from the same Zod schemas the server parses with and
 * the OpenAPI document is generated from (type-only imports: the client ships no Zod at runtime).
 */

/** A record as callers send it (dates as ISO strings or Date). */
export type TRecordInput = z.input<typeof ZUsageRecordInput>;
export type TEstimateResponse = z.output<typeof ZEstimateResponse>;
export type TStoreRecordsResponse = z.output<typeof ZStoreRecordsResponse>;
export type TRecordErrors = z.output<typeof ZRecordErrorsResponse>['errors'];
export type TRecordRow = z.output<typeof ZRecordRow>;
export type TRecordsPage = z.output<typeof ZRecordsPage>;
export type TRecordDetail = z.output<typeof ZRecordDetail>;
export type TZoneFactorList = z.output<typeof ZZoneFactorList>;
export type TLocationList = z.output<typeof ZLocationList>;
export type TSummaryResponse = z.output<typeof ZSummaryResponse>;
export type TMeResponse = z.output<typeof ZMeResponse>;
export type TUploadDetail = z.output<typeof ZUploadDetail>;
export type TUploadList = z.output<typeof ZUploadList>;
export type TExperimentCreate = z.input<typeof ZCodecarbonExperimentCreate>;
export type TExperiment = z.output<typeof ZCodecarbonExperiment>;

/** Dashboard filters (team/project are slugs); several values = any of them. */
export type TRecordFilters = Partial<Record<TFilterDimension, string | string[]>>;

export type TSummaryQuery = z.input<typeof ZSummaryQuery> & TRecordFilters;
export type TRecordsQuery = TRecordFilters & { from?: string; to?: string; limit?: number; cursor?: string };
