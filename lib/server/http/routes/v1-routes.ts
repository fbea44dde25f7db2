import { AI_USAGE_MAX_ROWS, ZAiUsageBatch } from '@/lib/schemas/ai-usage-batch';
import { API_MAX_RECORDS, ZRecordsQuery, ZSummaryQuery } from '@/lib/schemas/api-v1';
import { ZBestWindowQuery } from '@/lib/schemas/best-window';
import { errors } from '../openapi/openapi-endpoint-types';
import { routeContract } from './route-contract';
import { DAY_PARAMS, FILTER_PARAMS, ZIdParams } from './route-params';

/** /api/v1: the caller, the document, estimates, summaries, records and the best-window planner. */

export const OPENAPI_ROUTE = routeContract({
  method: 'GET',
  path: '/api/v1/openapi.json',
  summary: 'This OpenAPI document',
  description: 'Generated from the route definitions the handlers run through.',
  auth: { kind: 'public' },
  rateLimit: 'ip',
  responses: { '200': { description: 'OpenAPI 3.1 document', schema: 'OpenApiDocument' } },
});

export const ME_ROUTE = routeContract({
  method: 'GET',
  path: '/api/v1/me',
  summary: 'Who is calling',
  description: 'The organisation, user and role behind the token or session.',
  auth: { kind: 'user', permission: 'read' },
  rateLimit: 'caller',
  responses: { '200': { description: 'The caller', schema: 'MeResponse' } },
});

export const ESTIMATE_ROUTE = routeContract({
  method: 'POST',
  path: '/api/v1/estimate',
  summary: 'Estimate footprints (nothing stored)',
  description: `Computes energy, CO2e (location and market), embodied and water for up to ${API_MAX_RECORDS} canonical records with the organisation's factor library, methodology settings and energy contracts.`,
  auth: { kind: 'user', permission: 'read' },
  rateLimit: 'caller',
  body: { kind: 'records', description: 'JSON array of canonical usage records' },
  responses: {
    '200': { description: 'One result per record, in order, and the totals', schema: 'EstimateResponse' },
    '422': {
      description: 'Invalid records (index, field, message); nothing computed',
      schema: 'RecordErrorsResponse',
    },
    ...errors('400', '413'),
  },
});

export const SUMMARY_ROUTE = routeContract({
  method: 'GET',
  path: '/api/v1/summary',
  summary: 'Totals per group',
  description:
    'Energy, CO2e, embodied and water per month, phase, team, project, model, region or accelerator; records straddling the range or a month count by time share.',
  auth: { kind: 'user', permission: 'read' },
  rateLimit: 'caller',
  query: ZSummaryQuery,
  parameterDocs: { groupBy: 'month | phase | team | project | model | region | accelerator | aiService' },
  extraParameters: FILTER_PARAMS,
  responses: {
    '200': { description: 'Groups, largest first (months in order)', schema: 'SummaryResponse' },
    ...errors('400'),
  },
});

export const RECORDS_LIST_ROUTE = routeContract({
  method: 'GET',
  path: '/api/v1/records',
  summary: 'List stored records',
  description:
    'Stored records with their results, ordered by (startedAt, id); pass nextCursor as cursor for the next page.',
  auth: { kind: 'user', permission: 'read' },
  rateLimit: 'caller',
  query: ZRecordsQuery,
  parameterDocs: { limit: 'Page size, 1–1000 (default 100)', cursor: 'nextCursor of the previous page' },
  extraParameters: [...DAY_PARAMS, ...FILTER_PARAMS],
  responses: { '200': { description: 'One page', schema: 'RecordsPage' }, ...errors('400') },
});

export const RECORDS_STORE_ROUTE = routeContract({
  method: 'POST',
  path: '/api/v1/records',
  summary: 'Store records (batch)',
  description: `Stores up to ${API_MAX_RECORDS} canonical records in one transaction. Idempotent like CSV uploads: a record is identified by recordId (else its content hash); re-sending replaces it, unchanged content is left alone.`,
  auth: { kind: 'user', permission: 'writeUsage' },
  rateLimit: 'caller',
  body: { kind: 'records', description: 'JSON array of canonical usage records' },
  responses: {
    '201': { description: 'Counts', schema: 'StoreRecordsResponse' },
    '422': { description: 'Invalid records; nothing stored', schema: 'RecordErrorsResponse' },
    ...errors('400', '413'),
  },
});

export const AI_USAGE_STORE_ROUTE = routeContract({
  method: 'POST',
  path: '/api/v1/ai-usage',
  summary: 'Report third-party AI usage (batch)',
  description: `Stores up to ${AI_USAGE_MAX_ROWS.toLocaleString('en-US')} rows of LLM API usage (provider, model, input and output tokens, requests, optional latency, team/project) as usage records: energy from the AI-services method (EcoLogits), CO2e and water with the organisation's factors and contracts. One transaction; idempotent like records (a row is identified by id, else its content). An unknown provider or model is a row error; nothing is stored.`,
  auth: { kind: 'user', permission: 'writeUsage' },
  rateLimit: 'caller',
  body: {
    kind: 'json',
    schema: ZAiUsageBatch,
    component: 'AiUsageBatch',
    description: 'JSON array of usage rows',
  },
  responses: {
    '201': { description: 'Counts', schema: 'StoreRecordsResponse' },
    '422': {
      description: 'Invalid rows (index, field, message); nothing stored',
      schema: 'RecordErrorsResponse',
    },
    ...errors('400'),
  },
});

export const RECORD_ROUTE = routeContract({
  method: 'GET',
  path: '/api/v1/records/{id}',
  summary: 'One stored record',
  description:
    'A record with its inputs, results and provenance: factors used, assumption and ingest flags, methodology version, upload line and restatements.',
  auth: { kind: 'user', permission: 'read' },
  rateLimit: 'caller',
  params: ZIdParams,
  parameterDocs: { id: 'Record id (the id field of GET /api/v1/records)' },
  responses: { '200': { description: 'The record', schema: 'RecordDetail' }, ...errors('404') },
});

export const BEST_WINDOW_ROUTE = routeContract({
  method: 'GET',
  path: '/api/v1/forecast/best-window',
  summary: 'Cleanest start time (historical-profile based)',
  description:
    "Cleanest start for a run of `hours` that must finish within `within` hours of `from` (default now), from the zone's 2023 hourly intensity on the same calendar dates (bundled Electricity Maps profiles: DE, FR, GB, US-CAL-CISO, US-MIDA-PJM). Labelled historical-profile based: not a forecast.",
  auth: { kind: 'user', permission: 'read' },
  rateLimit: 'caller',
  query: ZBestWindowQuery,
  parameterDocs: {
    region: 'Cloud region code (e.g. us-east-1, with `provider` when ambiguous) or grid zone (e.g. DE)',
    provider: 'aws | gcp | azure | oci | on_prem | edge | other',
    hours: 'Run length in whole hours, 1–168',
    within: 'The run must finish within this many hours of `from`, 1–720, ≥ hours',
    from: 'Earliest start, ISO 8601 (default: now); floored to the hour',
  },
  responses: {
    '200': { description: 'The cleanest window and the planned-start mean', schema: 'BestWindowResponse' },
    '404': { description: 'Unknown region or grid zone', schema: 'ErrorEnvelope' },
    '422': {
      description: 'The region has no hourly profile (message lists the zones that do)',
      schema: 'ErrorEnvelope',
    },
    ...errors('400'),
  },
});
