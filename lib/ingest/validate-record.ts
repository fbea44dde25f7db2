import { type TUsageRecordInput, ZUsageRecordInput } from '@/lib/schemas/usage-record';

/** The record schema a parse validates with: `usageRecordSchemaAt(now)` when the caller gave `now`. */
export type TRecordSchema = typeof ZUsageRecordInput;

import type { IssueSink } from './types';
import { describeIssue } from './zod-issues';

/**
 * Validates a candidate record with the canonical Zod schema. Each issue becomes one row error whose
 * column is the source header the field came from (`columnFor`), so the uploader knows which cell to fix.
 * Returns the parsed record (dates as Date), or null when invalid.
 */
export function validateRecord(
  input: Record<string, unknown>,
  line: number,
  columnFor: (field: string) => string | null,
  sink: IssueSink,
  schema: TRecordSchema = ZUsageRecordInput,
): TUsageRecordInput | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) {
    return parsed.data;
  }
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const column = field ? columnFor(field) : null;
    sink.error(line, column, `${column ?? (field || 'row')}: ${describeIssue(issue, input[field])}`);
  }
  return null;
}
