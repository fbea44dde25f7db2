import { reviewReportVersion } from '@/lib/server/reports/report-sign-off';
import type { TAccess, TRouteCall } from './invoke';
import {
  codecarbonEmission,
  codecarbonRun,
  energyContractBody,
  gridOverride,
  make,
  nameAliasBody,
  uniqueCsv,
  usageRecords,
} from './makers';
import { seq, type TMember, type TOrgFixture } from './world';

// One case per route handler export (several for a handler whose permission depends on its input). `access` is
// the row of docs/SECURITY.md "Every action and route"; the expected outcome per caller follows from the
// permission matrix (lib/auth/roles.ts) and token scopes. `prepare` makes VALID input (handlers parse first).

export interface TRouteFixture {
  a: TOrgFixture;
  /** Members who are not callers: the preparer and reviewer of report versions (four-eyes rules). */
  preparer: TMember;
  reviewer: TMember;
  shared: { uploadId: string; recordId: string; projectId: string; experimentId: string; runId: string };
}

export interface TRouteCase {
  key: string;
  label?: string;
  access: TAccess;
  prepare: (f: TRouteFixture) => Promise<TRouteCall> | TRouteCall;
}

const get = (
  key: string,
  url: string,
  access: TAccess = 'read',
  params?: Record<string, string>,
): TRouteCase => ({
  key: `GET ${key}`,
  access,
  prepare: () => ({ url, params }),
});

export const ROUTE_CASES: TRouteCase[] = [
  get('/audit/export', '/audit/export', 'readAudit'),
  get('/records/export', '/records/export'),
  get('/api/auth/[...all]', '/api/auth/get-session', 'public'),
  {
    key: 'POST /api/auth/[...all]',
    label: 'sign-in with the right password',
    access: 'public',
    prepare: ({ preparer }) => ({
      url: '/api/auth/sign-in/email',
      body: { email: preparer.email, password: 'role-matrix-password-1' },
      headers: { cookie: '', origin: 'http://localhost:3000' },
    }),
  },
  get('/api/codecarbon/auth/check', '/api/codecarbon/auth/check'),
  {
    key: 'POST /api/codecarbon/emissions',
    access: 'writeUsage',
    prepare: ({ shared }) => ({ url: '/api/codecarbon/emissions', body: codecarbonEmission(shared.runId) }),
  },
  {
    key: 'GET /api/codecarbon/experiments/[id]',
    access: 'read',
    prepare: ({ shared }) => ({ url: '/api/codecarbon/experiments/x', params: { id: shared.experimentId } }),
  },
  {
    key: 'GET /api/codecarbon/experiments/[id]/runs',
    access: 'read',
    prepare: ({ shared }) => ({
      url: '/api/codecarbon/experiments/x/runs',
      params: { id: shared.experimentId },
    }),
  },
  {
    key: 'POST /api/codecarbon/experiments',
    access: 'writeUsage',
    prepare: ({ shared }) => ({
      url: '/api/codecarbon/experiments',
      body: { timestamp: '2026-08-08T11:35:50+02:00', name: `e-${seq()}`, project_id: shared.projectId },
    }),
  },
  {
    key: 'GET /api/codecarbon/organizations/[id]/projects',
    access: 'read',
    prepare: ({ a }) => ({ url: '/api/codecarbon/organizations/x/projects', params: { id: a.orgId } }),
  },
  {
    key: 'GET /api/codecarbon/organizations/[id]',
    access: 'read',
    prepare: ({ a }) => ({ url: '/api/codecarbon/organizations/x', params: { id: a.orgId } }),
  },
  get('/api/codecarbon/organizations', '/api/codecarbon/organizations'),
  {
    key: 'GET /api/codecarbon/projects/[id]/experiments',
    access: 'read',
    prepare: ({ shared }) => ({
      url: '/api/codecarbon/projects/x/experiments',
      params: { id: shared.projectId },
    }),
  },
  {
    key: 'GET /api/codecarbon/projects/[id]',
    access: 'read',
    prepare: ({ shared }) => ({ url: '/api/codecarbon/projects/x', params: { id: shared.projectId } }),
  },
  {
    key: 'POST /api/codecarbon/projects',
    access: 'writeUsage',
    prepare: () => ({ url: '/api/codecarbon/projects', body: { name: `p-${seq()}` } }),
  },
  {
    key: 'GET /api/codecarbon/runs/[id]',
    access: 'read',
    prepare: ({ shared }) => ({ url: '/api/codecarbon/runs/x', params: { id: shared.runId } }),
  },
  {
    key: 'POST /api/codecarbon/runs',
    access: 'writeUsage',
    prepare: ({ shared }) => ({ url: '/api/codecarbon/runs', body: codecarbonRun(shared.experimentId) }),
  },
  get('/api/health', '/api/health', 'public'),
  {
    key: 'DELETE /api/v1/energy-contracts/[id]',
    access: 'manageOrganization',
    prepare: async ({ a }) => ({
      url: '/api/v1/energy-contracts/x',
      params: { id: await make.energyContract(a) },
    }),
  },
  get('/api/v1/energy-contracts', '/api/v1/energy-contracts'),
  {
    key: 'POST /api/v1/energy-contracts',
    access: 'manageOrganization',
    prepare: () => ({ url: '/api/v1/energy-contracts', body: energyContractBody() }),
  },
  {
    key: 'POST /api/v1/estimate',
    access: 'read',
    prepare: () => ({ url: '/api/v1/estimate', body: usageRecords() }),
  },
  get('/api/v1/factors/locations', '/api/v1/factors/locations'),
  get('/api/v1/name-aliases', '/api/v1/name-aliases'),
  {
    key: 'POST /api/v1/name-aliases',
    access: 'writeUsage',
    prepare: () => ({ url: '/api/v1/name-aliases', body: nameAliasBody() }),
  },
  {
    key: 'DELETE /api/v1/name-aliases/[id]',
    access: 'writeUsage',
    prepare: async ({ a }) => ({ url: '/api/v1/name-aliases/x', params: { id: await make.nameAlias(a) } }),
  },
  {
    key: 'DELETE /api/v1/factors/overrides/[kind]/[id]',
    access: 'manageOrganization',
    prepare: async ({ a }) => ({
      url: '/api/v1/factors/overrides/grid/x',
      params: { kind: 'grid', id: await make.gridOverride(a) },
    }),
  },
  {
    key: 'POST /api/v1/factors/overrides',
    access: 'manageOrganization',
    prepare: () => ({ url: '/api/v1/factors/overrides', body: { kind: 'grid', override: gridOverride() } }),
  },
  get('/api/v1/factors', '/api/v1/factors?zone=FR'),
  get('/api/v1/forecast/best-window', '/api/v1/forecast/best-window?region=FR&hours=4&within=168'),
  get('/api/v1/me', '/api/v1/me'),
  get('/api/v1/openapi.json', '/api/v1/openapi.json', 'public'),
  {
    key: 'GET /api/v1/records/[id]',
    access: 'read',
    prepare: ({ shared }) => ({ url: '/api/v1/records/x', params: { id: shared.recordId } }),
  },
  get('/api/v1/records', '/api/v1/records?limit=5'),
  {
    key: 'POST /api/v1/records',
    access: 'writeUsage',
    prepare: () => ({ url: '/api/v1/records', body: usageRecords() }),
  },
  {
    key: 'POST /api/v1/ai-usage',
    access: 'writeUsage',
    prepare: () => ({
      url: '/api/v1/ai-usage',
      body: [
        {
          provider: 'openai',
          model: 'gpt-4o-mini',
          startedAt: '2025-03-01',
          endedAt: '2025-03-02',
          inputTokens: 1000,
          outputTokens: 500,
        },
      ],
    }),
  },
  get('/api/v1/reports/[period]/export', '/api/v1/reports/2025-Q1/export?format=json', 'read', {
    period: '2025-Q1',
  }),
  get('/api/v1/reports/[period]', '/api/v1/reports/2025-Q1?format=json', 'read', { period: '2025-Q1' }),
  {
    key: 'POST /api/v1/reports/[period]/versions/[version]/[step]',
    label: 'review',
    access: 'reviewReports',
    prepare: async ({ a, preparer }) => {
      const { period, version } = await make.frozenVersion(a, preparer.userId);
      return { url: '/api/v1/reports/x', params: { period, version: String(version), step: 'review' } };
    },
  },
  {
    key: 'POST /api/v1/reports/[period]/versions/[version]/[step]',
    label: 'approve',
    access: 'approveReports',
    prepare: async ({ a, preparer, reviewer }) => {
      const { period, version } = await make.frozenVersion(a, preparer.userId);
      await reviewReportVersion(reviewer, period, version, new Date());
      return { url: '/api/v1/reports/x', params: { period, version: String(version), step: 'approve' } };
    },
  },
  {
    key: 'POST /api/v1/reports/[period]/versions',
    access: 'prepareReports',
    prepare: () => ({ url: '/api/v1/reports/x/versions', params: { period: `${2000 + seq()}-Q2` } }),
  },
  get('/api/v1/summary', '/api/v1/summary?from=2025-01-01&to=2026-12-31&groupBy=month'),
  {
    key: 'GET /api/v1/uploads/[id]/errors',
    access: 'read',
    prepare: ({ shared }) => ({ url: '/api/v1/uploads/x/errors', params: { id: shared.uploadId } }),
  },
  {
    key: 'GET /api/v1/uploads/[id]/progress',
    access: 'read',
    prepare: ({ shared }) => ({ url: '/api/v1/uploads/x/progress', params: { id: shared.uploadId } }),
  },
  {
    key: 'DELETE /api/v1/uploads/[id]',
    access: 'writeUsage',
    prepare: async ({ a }) => ({ url: '/api/v1/uploads/x', params: { id: await make.upload(a) } }),
  },
  {
    key: 'GET /api/v1/uploads/[id]',
    access: 'read',
    prepare: ({ shared }) => ({ url: '/api/v1/uploads/x', params: { id: shared.uploadId } }),
  },
  {
    key: 'POST /api/v1/uploads',
    access: 'writeUsage',
    prepare: () => ({ url: '/api/v1/uploads?fileName=m.csv', body: uniqueCsv(), contentType: 'text/csv' }),
  },
  get('/api/v1/uploads', '/api/v1/uploads'),
  get('/templates/[file]', '/templates/x', 'public', { file: 'ai-footprint-template-v1.csv' }),
];
