import { ZReportExportQuery } from '@/lib/schemas/report-export';
import { ZReportSignOffParams } from '@/lib/schemas/report-sign-off';
import { errors, type TApiResponse } from '../openapi/openapi-endpoint-types';
import { routeContract } from './route-contract';

/** /api/v1/reports: period reports (live or frozen), freezing and the four-eyes sign-off. */

// One schema for the report download's inputs, split by where they travel.
const ZPeriodParams = ZReportExportQuery.pick({ period: true });
const ZReportFileQuery = ZReportExportQuery.pick({ format: true, version: true });
const REPORT_DOCS = {
  period: 'Reporting period: 2026-Q3 or 2026',
  format: 'pdf | xlsx | csv | json',
  version: 'Frozen version number, or `latest`',
};
const REPORT_FILE: TApiResponse = {
  description:
    'The report in the requested format (default json); the JSON of a frozen version is its stored text, byte for byte',
  schema: 'EsgReport',
  contentTypes: [
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/csv',
    'application/json',
  ],
};

/** A report download: the same inputs and answers; the two paths differ in what no `version` means. */
const reportFile = <const P extends string>(path: P, summary: string, description: string) =>
  routeContract({
    method: 'GET',
    path,
    summary,
    description,
    auth: { kind: 'user', permission: 'read' },
    rateLimit: 'caller',
    params: ZPeriodParams,
    invalidParams: 'invalid-input',
    query: ZReportFileQuery,
    parameterDocs: REPORT_DOCS,
    responses: { '200': REPORT_FILE, ...errors('400', '404') },
  });

export const REPORT_ROUTE = reportFile(
  '/api/v1/reports/{period}',
  'Report (latest frozen version)',
  'The latest frozen version of a period report, or the live provisional report when none is frozen. Never freezes: use POST /reports/{period}/versions.',
);

export const REPORT_EXPORT_ROUTE = reportFile(
  '/api/v1/reports/{period}/export',
  'Report export (live unless version given)',
  'The live report, or a frozen version with ?version=N.',
);

export const REPORT_FREEZE_ROUTE = routeContract({
  method: 'POST',
  path: '/api/v1/reports/{period}/versions',
  summary: 'Freeze a report version',
  description:
    'Freezes the live report: version 1 (draft), or a restated version listing every changed figure; 200 with the latest version when nothing changed.',
  auth: { kind: 'user', permission: 'prepareReports' },
  rateLimit: 'caller',
  params: ZPeriodParams,
  invalidParams: 'invalid-input',
  parameterDocs: { period: REPORT_DOCS.period },
  responses: {
    '201': { description: 'The new frozen version', schema: 'ReportVersion' },
    '200': { description: 'Nothing changed: the latest version', schema: 'ReportVersion' },
    ...errors('400'),
  },
});

export const REPORT_SIGN_OFF_ROUTE = routeContract({
  method: 'POST',
  path: '/api/v1/reports/{period}/versions/{version}/{step}',
  summary: 'Review or approve a frozen version (four eyes)',
  description:
    'step = review | approve. Draft → reviewed → approved by three different people: the preparer may not review or approve, the reviewer may not approve. Approval locks the version.',
  // Authorised before the segments are parsed: `approve` needs approveReports, anything else reviewReports.
  auth: {
    kind: 'user',
    permission: 'reviewReports',
    permissionFor: (raw) => (raw.step === 'approve' ? 'approveReports' : 'reviewReports'),
  },
  rateLimit: 'caller',
  params: ZReportSignOffParams,
  invalidParams: 'invalid-input',
  parameterDocs: {
    period: REPORT_DOCS.period,
    version: 'Frozen version number',
    step: 'review | approve (approve needs approveReports)',
  },
  responses: {
    '200': { description: 'The version after the step', schema: 'ReportVersion' },
    ...errors('400', '404', '409'),
  },
});
