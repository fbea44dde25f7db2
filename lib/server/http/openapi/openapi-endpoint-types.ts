import type { z } from 'zod';
import { API_MAX_RECORDS } from '@/lib/schemas/api-v1';
import type { TRouteAuth } from '../routes/route-contract';

/** Types and helpers of the operations (openapi-endpoints.ts) and the route contracts (lib/server/http/routes). */

export type TComponentName =
  | 'ErrorEnvelope'
  | 'OpenApiDocument'
  | 'EsgReport'
  | 'UploadRejected'
  | 'EnergyContractCreate'
  | 'EnergyContractList'
  | 'EnergyContractChange'
  | 'RecordDetail'
  | 'ZoneFactorList'
  | 'LocationList'
  | 'FactorOverrideCreate'
  | 'RecomputeResponse'
  | 'RateLimitedProblem'
  | 'RecordErrorsResponse'
  | 'EstimateResponse'
  | 'SummaryResponse'
  | 'RecordsPage'
  | 'StoreRecordsResponse'
  | 'UsageRecordInput'
  | 'Upload'
  | 'UploadDetail'
  | 'UploadList'
  | 'UploadDeleted'
  | 'MeResponse'
  | 'CodecarbonRunCreate'
  | 'CodecarbonEmissionCreate'
  | 'CodecarbonRun'
  | 'CodecarbonEmissionId'
  | 'CodecarbonAuthCheck'
  | 'CodecarbonOrganizationList'
  | 'CodecarbonOrganization'
  | 'CodecarbonProjectCreate'
  | 'CodecarbonProject'
  | 'CodecarbonProjectList'
  | 'CodecarbonExperimentCreate'
  | 'CodecarbonExperiment'
  | 'CodecarbonExperimentList'
  | 'CodecarbonRunList'
  | 'ReportVersion'
  | 'BestWindowResponse'
  | 'UploadProgress'
  | 'NameAliasCreate'
  | 'NameAlias'
  | 'NameAliasList'
  | 'NameAliasDeleted'
  | 'AiUsageBatch';

export interface TApiResponse {
  description: string;
  /** The JSON body (application/json; application/problem+json for 429). */
  schema?: TComponentName;
  /**
   * Downloads: the media types the endpoint can answer with. application/json carries `schema`; text/* is a
   * string and anything else (PDF, XLSX) binary (lib/server/http/openapi/openapi.ts).
   */
  contentTypes?: string[];
}

export interface TApiParameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description: string;
  schema: z.ZodType;
}

/** One operation of the document, derived from a route definition (openapi-endpoints.ts). */
export interface TApiEndpoint {
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  description: string;
  auth: TRouteAuth;
  tags?: string[];
  parameters: TApiParameter[];
  requestBody?: {
    description: string;
    contentTypes: Record<string, TComponentName | 'binary' | 'recordArray'>;
  };
  responses: Record<string, TApiResponse>;
}

export const errors = (...statuses: string[]): Record<string, TApiResponse> => {
  const text: Record<string, string> = {
    '400': 'Invalid input (query, JSON or cursor)',
    '401': 'Missing, invalid, revoked or expired token',
    '403': 'The role does not allow this',
    '404': 'Not found in this organisation',
    '413': `More than ${API_MAX_RECORDS} records, or the file is too large`,
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: text[s] ?? 'Error', schema: 'ErrorEnvelope' as const }]),
  );
};
