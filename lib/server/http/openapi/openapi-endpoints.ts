import { z } from 'zod';
import { requiredScope } from '@/lib/auth/token-scopes';
import { API_MAX_RECORDS, ZRecordsQuery, ZSummaryQuery } from '@/lib/schemas/api-v1';
import { ZBestWindowQuery } from '@/lib/schemas/best-window';
import { FILTER_DIMENSIONS } from '@/lib/schemas/dashboard-filters';
import { ZUploadParams } from '@/lib/schemas/upload';
import { CODECARBON_ENDPOINTS } from './openapi-codecarbon-endpoints';
import { CONTRACT_ENDPOINTS } from './openapi-contract-endpoints';
import {
  errors,
  idParam,
  type TApiEndpoint,
  type TApiParameter,
  type TApiResponse,
} from './openapi-endpoint-types';
import { FACTOR_ENDPOINTS } from './openapi-factor-endpoints';

export type { TApiEndpoint, TApiParameter, TApiResponse, TComponentName } from './openapi-endpoint-types';

/**
 * Every /api/v1 endpoint, as data: the OpenAPI document (openapi.ts) and the docs page are built from it.
 * Responses name a component schema (see openapi.ts COMPONENTS) or a file content type.
 */

const queryParams = (schema: z.ZodObject, descriptions: Record<string, string>): TApiParameter[] =>
  Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: 'query' as const,
    required: !(field as z.ZodType).safeParse(undefined).success,
    description: descriptions[name] ?? '',
    schema: field as z.ZodType,
  }));

/** The dashboard filters (repeat a key or comma-separate for several values; team/project are slugs). */
const FILTER_PARAMS: TApiParameter[] = FILTER_DIMENSIONS.map((name) => ({
  name,
  in: 'query',
  required: false,
  description: `Only records with this ${name}${name === 'team' || name === 'project' ? ' (slug)' : ''}; repeat or comma-separate for several.`,
  schema: z.array(z.string()),
}));

const DAY_PARAMS: TApiParameter[] = ['from', 'to'].map((name) => ({
  name,
  in: 'query',
  required: false,
  description: `${name === 'from' ? 'First' : 'Last'} day, inclusive (UTC), YYYY-MM-DD; records overlapping the range.`,
  schema: z.string(),
}));

const REPORT_QUERY: TApiParameter[] = [
  idParam('period', 'Reporting period: 2026-Q3 or 2026'),
  {
    name: 'format',
    in: 'query',
    required: false,
    description: 'pdf | xlsx | csv | json',
    schema: z.enum(['pdf', 'xlsx', 'csv', 'json']),
  },
  {
    name: 'version',
    in: 'query',
    required: false,
    description: 'Frozen version number, or `latest`',
    schema: z.string(),
  },
];
const REPORT_FILES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/json',
];
const REPORT_FILE: TApiResponse = {
  description:
    'The report in the requested format (default json); the JSON of a frozen version is its stored text, byte for byte',
  schema: 'EsgReport',
  contentTypes: REPORT_FILES,
};

const RATE_LIMITED: TApiResponse = {
  description: 'Rate limit exceeded (per token, organisation, or IP without credentials); see Retry-After',
  schema: 'RateLimitedProblem',
};

const DATABASE_UNAVAILABLE: TApiResponse = {
  description: 'The database is unreachable or dropped the connection; retry after Retry-After',
  schema: 'ErrorEnvelope',
};

const INTERNAL_ERROR: TApiResponse = {
  description:
    'An unexpected server error; `error.requestId` names it in the server logs (quote it when reporting)',
  schema: 'ErrorEnvelope',
};

/** Public: no credentials, so no 401/403 (lib/server/http/openapi/openapi.ts gives it `security: []`). */
export const PUBLIC_PATHS = ['/api/v1/openapi.json'];

/**
 * 403 of an authenticated endpoint: requireRequestAuth (lib/server/access/auth-context.ts) refuses a role without the
 * permission, a token without the scope it maps to (lib/auth/token-scopes.ts), and a cross-site write with the
 * session cookie (CSRF).
 */
function forbidden(e: TApiEndpoint): TApiResponse {
  const scope = requiredScope(e.permission);
  const token = scope
    ? `the token lacks the \`${scope}\` scope`
    : 'it came with an API token (a browser session only)';
  const csrf = e.method === 'get' ? '' : ', or a cross-site request came with the session cookie';
  return {
    description: `The role lacks the \`${e.permission}\` permission, or ${token}${csrf}`,
    schema: 'ErrorEnvelope',
  };
}

/**
 * Every endpoint can answer 429 (lib/server/http/rate-limit.ts wraps every handler), 500 on an unexpected error and 503
 * during a database outage (lib/errors.ts toResponse); every authenticated one 401 and 403.
 */
const withCommonResponses = (endpoints: TApiEndpoint[]): TApiEndpoint[] =>
  endpoints.map((e) => ({
    ...e,
    responses: {
      '500': INTERNAL_ERROR,
      '503': DATABASE_UNAVAILABLE,
      ...e.responses,
      ...(PUBLIC_PATHS.includes(e.path) ? {} : { ...errors('401'), '403': forbidden(e) }),
      '429': RATE_LIMITED,
    },
  }));

export const API_ENDPOINTS: TApiEndpoint[] = withCommonResponses([
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This OpenAPI document',
    description: 'Generated from the Zod schemas the handlers use; no authentication needed.',
    permission: 'read',
    parameters: [],
    responses: { '200': { description: 'OpenAPI 3.1 document', schema: 'OpenApiDocument' } },
  },
  {
    method: 'get',
    path: '/api/v1/me',
    summary: 'Who is calling',
    description: 'The organisation, user and role behind the token or session.',
    permission: 'read',
    parameters: [],
    responses: { '200': { description: 'The caller', schema: 'MeResponse' }, ...errors('401') },
  },
  {
    method: 'post',
    path: '/api/v1/estimate',
    summary: 'Estimate footprints (nothing stored)',
    description: `Computes energy, CO2e (location and market), embodied and water for up to ${API_MAX_RECORDS} canonical records with the organisation's factor library, methodology settings and energy contracts.`,
    permission: 'read',
    parameters: [],
    requestBody: {
      description: 'JSON array of canonical usage records',
      contentTypes: { 'application/json': 'recordArray' },
    },
    responses: {
      '200': { description: 'One result per record, in order, and the totals', schema: 'EstimateResponse' },
      '422': {
        description: 'Invalid records (index, field, message); nothing computed',
        schema: 'RecordErrorsResponse',
      },
      ...errors('400', '401', '413'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/summary',
    summary: 'Totals per group',
    description:
      'Energy, CO2e, embodied and water per month, phase, team, project, model, region or accelerator; records straddling the range or a month count by time share.',
    permission: 'read',
    parameters: [
      ...queryParams(ZSummaryQuery, {
        groupBy: 'month | phase | team | project | model | region | accelerator',
      }),
      ...FILTER_PARAMS,
    ],
    responses: {
      '200': { description: 'Groups, largest first (months in order)', schema: 'SummaryResponse' },
      ...errors('400', '401'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/records',
    summary: 'List stored records',
    description:
      'Stored records with their results, ordered by (startedAt, id); pass nextCursor as cursor for the next page.',
    permission: 'read',
    parameters: [
      ...queryParams(ZRecordsQuery, {
        limit: 'Page size, 1–1000 (default 100)',
        cursor: 'nextCursor of the previous page',
      }),
      ...DAY_PARAMS,
      ...FILTER_PARAMS,
    ],
    responses: { '200': { description: 'One page', schema: 'RecordsPage' }, ...errors('400', '401') },
  },
  {
    method: 'get',
    path: '/api/v1/records/{id}',
    summary: 'One stored record',
    description:
      'A record with its inputs, results and provenance: factors used, assumption and ingest flags, methodology version, upload line and restatements.',
    permission: 'read',
    parameters: [idParam('id', 'Record id (the id field of GET /api/v1/records)')],
    responses: { '200': { description: 'The record', schema: 'RecordDetail' }, ...errors('401', '404') },
  },
  {
    method: 'post',
    path: '/api/v1/records',
    summary: 'Store records (batch)',
    description: `Stores up to ${API_MAX_RECORDS} canonical records in one transaction. Idempotent like CSV uploads: a record is identified by recordId (else its content hash); re-sending replaces it, unchanged content is left alone.`,
    permission: 'writeUsage',
    parameters: [],
    requestBody: {
      description: 'JSON array of canonical usage records',
      contentTypes: { 'application/json': 'recordArray' },
    },
    responses: {
      '201': { description: 'Counts', schema: 'StoreRecordsResponse' },
      '422': { description: 'Invalid records; nothing stored', schema: 'RecordErrorsResponse' },
      ...errors('400', '401', '403', '413'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/uploads',
    summary: 'Upload a usage file',
    description:
      'CSV/JSON/JSONL (generic template, CodeCarbon, cloud exports) as multipart `file` or a raw body; see docs/CSV_FORMAT.md.',
    permission: 'writeUsage',
    // The same parameters may come as multipart fields before the file part (lib/server/usage/uploads/upload-request.ts).
    parameters: queryParams(ZUploadParams, {
      format: 'File format (default auto: detected from the headers)',
      phase: 'Phase for rows without one (required for nvidia-smi logs)',
      team: 'Team for rows without one',
      project: 'Project for rows without one',
      region: 'Region for rows without one',
      provider: 'Provider for rows without one',
      timeZone: "IANA time zone of timestamps without an offset (default: the organisation's)",
      validOnly: 'true: store the valid rows and report the others, instead of all or nothing',
      fileName: 'File name for a raw body',
      uploadId:
        'Your own UUID for the new upload, to poll GET /api/v1/uploads/{id}/progress meanwhile; 409 if your organisation used it before',
      mapping: 'JSON ColumnMapping for unknown headers: {"<header>": {"field": "energyKwh", "unit": "Wh"}}',
    }).map((p) => (p.name === 'mapping' ? { ...p, schema: z.string() } : p)),
    requestBody: {
      description: 'The file',
      contentTypes: { 'multipart/form-data': 'binary', 'text/csv': 'binary' },
    },
    responses: {
      '201': { description: 'Stored', schema: 'UploadDetail' },
      '200': { description: 'The same file was already uploaded', schema: 'UploadDetail' },
      '422': {
        description:
          'Invalid file: the failed upload with its row errors and the error envelope; nothing stored',
        schema: 'UploadRejected',
      },
      '409': {
        description:
          'The `uploadId` names an earlier upload of this organisation, or a DELETE cancelled the upload while it ran; nothing stored',
        schema: 'ErrorEnvelope',
      },
      ...errors('400', '401', '403', '413'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/uploads',
    summary: 'List uploads',
    description: 'The 50 most recent uploads.',
    permission: 'read',
    parameters: [],
    responses: { '200': { description: 'Uploads', schema: 'UploadList' }, ...errors('401') },
  },
  {
    method: 'get',
    path: '/api/v1/uploads/{id}',
    summary: 'One upload',
    description: 'An upload with its first 100 row errors.',
    permission: 'read',
    parameters: [idParam('id', 'Upload id')],
    responses: { '200': { description: 'The upload', schema: 'UploadDetail' }, ...errors('401', '404') },
  },
  {
    method: 'delete',
    path: '/api/v1/uploads/{id}',
    summary: 'Delete an upload',
    description:
      'Deletes the upload and the records it created (restatement logged). An upload still processing is cancelled instead (`cancelled: true`): it stops at its next progress update and stores nothing.',
    permission: 'writeUsage',
    parameters: [idParam('id', 'Upload id')],
    responses: { '200': { description: 'Deleted', schema: 'UploadDeleted' }, ...errors('401', '403', '404') },
  },
  {
    method: 'get',
    path: '/api/v1/uploads/{id}/progress',
    summary: 'Upload progress',
    description:
      'While an upload is processed: bytes read, rows parsed and rejected so far, and the stage (parsing, storing). Pass your own `uploadId` (UUID) to POST /api/v1/uploads to poll it during the request.',
    permission: 'read',
    parameters: [idParam('id', 'Upload id')],
    responses: { '200': { description: 'Progress', schema: 'UploadProgress' }, ...errors('401', '404') },
  },
  {
    method: 'get',
    path: '/api/v1/uploads/{id}/errors',
    summary: 'Row errors as CSV',
    description: 'Every row error of an upload (file, line, column, message).',
    permission: 'read',
    parameters: [idParam('id', 'Upload id')],
    responses: {
      '200': { description: 'CSV download', contentTypes: ['text/csv'] },
      ...errors('401', '404'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/reports/{period}',
    summary: 'Report (latest frozen version)',
    description:
      'The latest frozen version of a period report, or the live provisional report when none is frozen. Never freezes: use POST /reports/{period}/versions.',
    permission: 'read',
    parameters: REPORT_QUERY,
    responses: { '200': REPORT_FILE, ...errors('400', '401', '404') },
  },
  {
    method: 'get',
    path: '/api/v1/reports/{period}/export',
    summary: 'Report export (live unless version given)',
    description: 'The live report, or a frozen version with ?version=N.',
    permission: 'read',
    parameters: REPORT_QUERY,
    responses: { '200': REPORT_FILE, ...errors('400', '401', '404') },
  },
  {
    method: 'post',
    path: '/api/v1/reports/{period}/versions',
    summary: 'Freeze a report version',
    description:
      'Freezes the live report: version 1 (draft), or a restated version listing every changed figure; 200 with the latest version when nothing changed.',
    permission: 'prepareReports',
    parameters: [idParam('period', 'Reporting period: 2026-Q3 or 2026')],
    responses: {
      '201': { description: 'The new frozen version', schema: 'ReportVersion' },
      '200': { description: 'Nothing changed: the latest version', schema: 'ReportVersion' },
      ...errors('400', '401', '403'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/reports/{period}/versions/{version}/{step}',
    summary: 'Review or approve a frozen version (four eyes)',
    description:
      'step = review | approve. Draft → reviewed → approved by three different people: the preparer may not review or approve, the reviewer may not approve. Approval locks the version.',
    permission: 'reviewReports',
    parameters: [
      idParam('period', 'Reporting period: 2026-Q3 or 2026'),
      idParam('version', 'Frozen version number'),
      idParam('step', 'review | approve (approve needs approveReports)'),
    ],
    responses: {
      '200': { description: 'The version after the step', schema: 'ReportVersion' },
      ...errors('400', '401', '403', '404', '409'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/forecast/best-window',
    summary: 'Cleanest start time (historical-profile based)',
    description:
      "Cleanest start for a run of `hours` that must finish within `within` hours of `from` (default now), from the zone's 2023 hourly intensity on the same calendar dates (bundled Electricity Maps profiles: DE, FR, GB, US-CAL-CISO, US-MIDA-PJM). Labelled historical-profile based: not a forecast.",
    permission: 'read',
    parameters: queryParams(ZBestWindowQuery, {
      region: 'Cloud region code (e.g. us-east-1, with `provider` when ambiguous) or grid zone (e.g. DE)',
      provider: 'aws | gcp | azure | oci | on_prem | edge | other',
      hours: 'Run length in whole hours, 1–168',
      within: 'The run must finish within this many hours of `from`, 1–720, ≥ hours',
      from: 'Earliest start, ISO 8601 (default: now); floored to the hour',
    }),
    responses: {
      '200': { description: 'The cleanest window and the planned-start mean', schema: 'BestWindowResponse' },
      '404': { description: 'Unknown region or grid zone', schema: 'ErrorEnvelope' },
      '422': {
        description: 'The region has no hourly profile (message lists the zones that do)',
        schema: 'ErrorEnvelope',
      },
      ...errors('400', '401'),
    },
  },
  ...FACTOR_ENDPOINTS,
  ...CONTRACT_ENDPOINTS,
  ...CODECARBON_ENDPOINTS,
]);
