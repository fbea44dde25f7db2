import { z } from 'zod';
import { ZAiUsageBatch } from '@/lib/schemas/ai-usage-batch';
import {
  ZErrorEnvelope,
  ZEstimateResponse,
  ZRateLimitedProblem,
  ZRecordErrorsResponse,
  ZRecordsPage,
  ZStoreRecordsResponse,
  ZSummaryResponse,
} from '@/lib/schemas/api-v1';
import {
  ZEnergyContractChange,
  ZEnergyContractCreate,
  ZEnergyContractList,
} from '@/lib/schemas/api-v1-contracts';
import {
  ZFactorOverrideCreate,
  ZLocationList,
  ZRecomputeResponse,
  ZZoneFactorList,
} from '@/lib/schemas/api-v1-factors';
import { ZRecordDetail } from '@/lib/schemas/api-v1-record';
import {
  ZMeResponse,
  ZUpload,
  ZUploadDeleted,
  ZUploadDetail,
  ZUploadList,
  ZUploadProgress,
  ZUploadRejected,
} from '@/lib/schemas/api-v1-uploads';
import { ZBestWindowResponse } from '@/lib/schemas/best-window';
import {
  ZCodecarbonEmissionCreate,
  ZCodecarbonEmissionId,
  ZCodecarbonRun,
  ZCodecarbonRunCreate,
} from '@/lib/schemas/codecarbon-api';
import {
  ZCodecarbonAuthCheck,
  ZCodecarbonExperiment,
  ZCodecarbonExperimentCreate,
  ZCodecarbonExperimentList,
  ZCodecarbonOrganization,
  ZCodecarbonOrganizationList,
  ZCodecarbonProject,
  ZCodecarbonProjectCreate,
  ZCodecarbonProjectList,
} from '@/lib/schemas/codecarbon-experiments';
import { ZEsgReport } from '@/lib/schemas/esg-report';
import { ZNameAlias, ZNameAliasDeleted, ZNameAliasInput, ZNameAliasList } from '@/lib/schemas/name-alias';
import { ZReportVersionResponse } from '@/lib/schemas/report-sign-off';
import { ZUsageRecordInput } from '@/lib/schemas/usage-record';
import type { TComponentName } from './openapi-endpoints';

/** Response components: validated against real responses in tests/integration/api-contract.test.ts. */
export const RESPONSE_SCHEMAS = {
  ErrorEnvelope: ZErrorEnvelope,
  RecordDetail: ZRecordDetail,
  EnergyContractList: ZEnergyContractList,
  EnergyContractChange: ZEnergyContractChange,
  ZoneFactorList: ZZoneFactorList,
  LocationList: ZLocationList,
  RecomputeResponse: ZRecomputeResponse,
  // Only what a client relies on; the rest of the document is described by the OpenAPI 3.1 specification.
  OpenApiDocument: z.looseObject({
    openapi: z.literal('3.1.0'),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  }),
  EsgReport: ZEsgReport,
  RateLimitedProblem: ZRateLimitedProblem,
  RecordErrorsResponse: ZRecordErrorsResponse,
  EstimateResponse: ZEstimateResponse,
  SummaryResponse: ZSummaryResponse,
  RecordsPage: ZRecordsPage,
  StoreRecordsResponse: ZStoreRecordsResponse,
  Upload: ZUpload,
  UploadDetail: ZUploadDetail,
  UploadRejected: ZUploadRejected,
  UploadList: ZUploadList,
  UploadProgress: ZUploadProgress,
  UploadDeleted: ZUploadDeleted,
  MeResponse: ZMeResponse,
  CodecarbonRun: ZCodecarbonRun,
  CodecarbonEmissionId: ZCodecarbonEmissionId,
  CodecarbonRunList: z.array(ZCodecarbonRun),
  CodecarbonAuthCheck: ZCodecarbonAuthCheck,
  CodecarbonOrganization: ZCodecarbonOrganization,
  CodecarbonOrganizationList: ZCodecarbonOrganizationList,
  CodecarbonProject: ZCodecarbonProject,
  CodecarbonProjectList: ZCodecarbonProjectList,
  CodecarbonExperiment: ZCodecarbonExperiment,
  CodecarbonExperimentList: ZCodecarbonExperimentList,
  ReportVersion: ZReportVersionResponse,
  BestWindowResponse: ZBestWindowResponse,
  NameAlias: ZNameAlias,
  NameAliasList: ZNameAliasList,
  NameAliasDeleted: ZNameAliasDeleted,
} as const satisfies Partial<Record<TComponentName, z.ZodType>>;

/** Request bodies (what clients SEND: dates as ISO strings), rendered from the schemas' input side. */
export const REQUEST_SCHEMAS = {
  UsageRecordInput: ZUsageRecordInput,
  CodecarbonRunCreate: ZCodecarbonRunCreate,
  CodecarbonEmissionCreate: ZCodecarbonEmissionCreate,
  FactorOverrideCreate: ZFactorOverrideCreate,
  EnergyContractCreate: ZEnergyContractCreate,
  CodecarbonProjectCreate: ZCodecarbonProjectCreate,
  CodecarbonExperimentCreate: ZCodecarbonExperimentCreate,
  NameAliasCreate: ZNameAliasInput,
  AiUsageBatch: ZAiUsageBatch,
} as const satisfies Partial<Record<TComponentName, z.ZodType>>;
