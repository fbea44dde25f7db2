import { DEFAULT_RETRY, retryDelayMs, type TRetryOptions } from './retry';
import type {
  TEstimateResponse,
  TExperiment,
  TExperimentCreate,
  TLocationList,
  TMeResponse,
  TRecordDetail,
  TRecordErrors,
  TRecordFilters,
  TRecordInput,
  TRecordRow,
  TRecordsPage,
  TRecordsQuery,
  TStoreRecordsResponse,
  TSummaryQuery,
  TSummaryResponse,
  TUploadDetail,
  TUploadList,
  TZoneFactorList,
} from './types';

/**
 * A small typed client for the AI Footprint HTTP API (docs/API.md), for ML pipelines and notebooks: fetch only,
 * no dependencies. Types come from the server's Zod schemas (./types.ts). Retries 429/503 after Retry-After;
 * `iterateRecords` walks the cursor pages.
 */

export interface TClientOptions {
  /** e.g. https://footprint.example.com (no trailing /api). */
  baseUrl: string;
  /** An `aif_…` API token. */
  token: string;
  /** Defaults to the global fetch (Node 18+, browsers). */
  fetch?: typeof fetch;
  retry?: Partial<TRetryOptions>;
  /** Waits between retries (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

/** A non-2xx answer: the error envelope's code and message, the status, and row errors for 422 batches. */
export class AiFootprintApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly recordErrors?: TRecordErrors,
  ) {
    super(message);
    this.name = 'AiFootprintApiError';
  }
}

type TQueryValue = string | number | string[] | undefined;

function queryString(query: Record<string, TQueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      params.append(key, String(v));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function createAiFootprintClient(options: TClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const base = options.baseUrl.replace(/\/+$/, '');

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const response = await doFetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const wait = retryDelayMs(
        response.status,
        response.headers.get('retry-after'),
        attempt,
        Date.now(),
        retry,
      );
      if (wait !== null) {
        await response.body?.cancel();
        await sleep(wait);
        continue;
      }
      const json: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const envelope = (json ?? {}) as {
          error?: { code?: string; message?: string; details?: unknown };
          errors?: TRecordErrors;
        };
        throw new AiFootprintApiError(
          response.status,
          envelope.error?.code ?? 'HTTP_ERROR',
          envelope.error?.message ?? `HTTP ${response.status}`,
          envelope.error?.details,
          envelope.errors,
        );
      }
      return json as T;
    }
  }

  const listRecords = (query: TRecordsQuery = {}) =>
    request<TRecordsPage>('GET', `/api/v1/records${queryString(query)}`);

  return {
    me: () => request<TMeResponse>('GET', '/api/v1/me'),
    /** Footprints of up to 10,000 records; nothing stored. */
    estimate: (records: TRecordInput[]) => request<TEstimateResponse>('POST', '/api/v1/estimate', records),
    /** Stores up to 10,000 records, all or nothing; idempotent by recordId (safe to retry). */
    storeRecords: (records: TRecordInput[]) =>
      request<TStoreRecordsResponse>('POST', '/api/v1/records', records),
    listRecords,
    /** Every record matching the filters, page after page (pageSize 1–1000). */
    async *iterateRecords(query: Omit<TRecordsQuery, 'cursor'> = {}): AsyncGenerator<TRecordRow> {
      let cursor: string | undefined;
      do {
        const page = await listRecords({ ...query, cursor });
        yield* page.data;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },
    /** One record with its results and provenance (factors, flags, restatements). */
    getRecord: (id: string) => request<TRecordDetail>('GET', `/api/v1/records/${encodeURIComponent(id)}`),
    /** Grid intensities of a zone (bundled + the organisation's overrides). */
    zoneFactors: (zone: string) => request<TZoneFactorList>('GET', `/api/v1/factors${queryString({ zone })}`),
    locations: (q?: string) =>
      request<TLocationList>('GET', `/api/v1/factors/locations${queryString({ q })}`),
    summary: (query: TSummaryQuery) =>
      request<TSummaryResponse>('GET', `/api/v1/summary${queryString(query)}`),
    listUploads: () => request<TUploadList>('GET', '/api/v1/uploads'),
    getUpload: (id: string) => request<TUploadDetail>('GET', `/api/v1/uploads/${encodeURIComponent(id)}`),
    /** A CodeCarbon experiment (location, PUE) whose id goes into the tracker's `experiment_id`. */
    createExperiment: (experiment: TExperimentCreate) =>
      request<TExperiment>('POST', '/api/codecarbon/experiments', experiment),
  };
}

export type TAiFootprintClient = ReturnType<typeof createAiFootprintClient>;
export type { TRecordFilters };
