import { AppError } from '@/lib/errors';
import { API_MAX_RECORDS, type TRecordError } from '@/lib/schemas/api-v1';
import { type TUsageRecordInput, usageRecordSchemaAt } from '@/lib/schemas/usage-record';

/**
 * Validates a JSON body that must be an array of canonical usage records (camelCase keys of
 * ZUsageRecordInput, bounded relative to `now`). Pure. Every invalid record yields errors with its 0-based index
 * and field; the caller answers 422 and stores nothing when there is any. A body that is not an array, or is too
 * long, is a 400/413.
 */
export function validateRecordBatch(
  body: unknown,
  now: Date,
): { records: TUsageRecordInput[]; errors: TRecordError[] } {
  if (!Array.isArray(body)) {
    throw new AppError('INVALID_INPUT', 'The body must be a JSON array of usage records.');
  }
  if (body.length > API_MAX_RECORDS) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `At most ${API_MAX_RECORDS} records per request (got ${body.length}); split the batch or upload a file.`,
    );
  }
  const schema = usageRecordSchemaAt(now);
  const records: TUsageRecordInput[] = [];
  const errors: TRecordError[] = [];
  body.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      records.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      errors.push({ index, field: issue.path.join('.') || '(record)', message: issue.message });
    }
  });
  return { records, errors };
}

/** Reads a request body as JSON, or fails with a clear 400. */
export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError('INVALID_INPUT', 'The body is not valid JSON.');
  }
}

/** The 422 body for a batch with invalid records (same error envelope as every other error). */
export function recordErrorsResponse(errors: TRecordError[]): Response {
  const message = `${new Set(errors.map((e) => e.index)).size} record(s) are invalid; nothing was processed.`;
  return Response.json({ error: { message, code: 'INVALID_RECORDS', status: 422 }, errors }, { status: 422 });
}
