import { z } from 'zod';
import { ZUploadParams } from '@/lib/schemas/upload';
import { errors, type TApiParameter, type TApiResponse } from '../openapi/openapi-endpoint-types';
import { routeContract } from './route-contract';
import { ZIdParams } from './route-params';

/** /api/v1/uploads: usage files, their progress, row errors and deletion. */

const UPLOAD_OPTION_DOCS: Record<string, string> = {
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
};

// The same options may come as multipart fields before the file part, so the upload reader parses them
// (lib/server/usage/uploads/upload-request.ts), not the wrapper; `mapping` travels as JSON text.
const UPLOAD_OPTIONS: TApiParameter[] = Object.entries(ZUploadParams.shape).map(([name, field]) => ({
  name,
  in: 'query',
  required: !(field as z.ZodType).safeParse(undefined).success,
  description: UPLOAD_OPTION_DOCS[name] ?? '',
  schema: name === 'mapping' ? z.string() : (field as z.ZodType),
}));

export const UPLOAD_CREATE_ROUTE = routeContract({
  method: 'POST',
  path: '/api/v1/uploads',
  summary: 'Upload a usage file',
  description:
    'CSV/JSON/JSONL (generic template, CodeCarbon, cloud exports) as multipart `file` or a raw body; columns as in the template at `/templates/ai-footprint-template-v1.csv`.',
  auth: { kind: 'user', permission: 'writeUsage' },
  rateLimit: 'caller',
  extraParameters: UPLOAD_OPTIONS,
  body: { kind: 'raw', contentTypes: ['multipart/form-data', 'text/csv'], description: 'The file' },
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
    ...errors('400', '413'),
  },
});

export const UPLOAD_LIST_ROUTE = routeContract({
  method: 'GET',
  path: '/api/v1/uploads',
  summary: 'List uploads',
  description: 'The 50 most recent uploads.',
  auth: { kind: 'user', permission: 'read' },
  rateLimit: 'caller',
  responses: { '200': { description: 'Uploads', schema: 'UploadList' } },
});

/** One upload by id: a 404 when it is not this organisation's. */
const uploadById = <const M extends 'GET' | 'DELETE', const P extends string>(
  method: M,
  path: P,
  permission: 'read' | 'writeUsage',
  text: { summary: string; description: string },
  ok: TApiResponse,
) =>
  routeContract({
    method,
    path,
    ...text,
    auth: { kind: 'user', permission },
    rateLimit: 'caller',
    params: ZIdParams,
    parameterDocs: { id: 'Upload id' },
    responses: { '200': ok, ...errors('404') },
  });

export const UPLOAD_ROUTE = uploadById(
  'GET',
  '/api/v1/uploads/{id}',
  'read',
  { summary: 'One upload', description: 'An upload with its first 100 row errors.' },
  { description: 'The upload', schema: 'UploadDetail' },
);

export const UPLOAD_DELETE_ROUTE = uploadById(
  'DELETE',
  '/api/v1/uploads/{id}',
  'writeUsage',
  {
    summary: 'Delete an upload',
    description:
      'Deletes the upload and the records it created (restatement logged). An upload still processing is cancelled instead (`cancelled: true`): it stops at its next progress update and stores nothing.',
  },
  { description: 'Deleted', schema: 'UploadDeleted' },
);

export const UPLOAD_PROGRESS_ROUTE = uploadById(
  'GET',
  '/api/v1/uploads/{id}/progress',
  'read',
  {
    summary: 'Upload progress',
    description:
      'While an upload is processed: bytes read, rows parsed and rejected so far, and the stage (parsing, storing). Pass your own `uploadId` (UUID) to POST /api/v1/uploads to poll it during the request.',
  },
  { description: 'Progress', schema: 'UploadProgress' },
);

export const UPLOAD_ERRORS_ROUTE = uploadById(
  'GET',
  '/api/v1/uploads/{id}/errors',
  'read',
  {
    summary: 'Row errors as CSV',
    description: 'Every row error of an upload (file, line, column, message).',
  },
  { description: 'CSV download', contentTypes: ['text/csv'] },
);
