import 'server-only';
import { aiUsageRecordId } from '@/lib/demo/generate-ai-usage';
import type { IndexedFactorLibrary } from '@/lib/emissions/index-factor-library';
import { aiUsageRecordOf } from '@/lib/ingest/ai-usage/ai-usage-records';
import type { TAiUsageRow } from '@/lib/ingest/ai-usage/ai-usage-types';
import type { ParsedRecord } from '@/lib/ingest/types';
import { createAiRecordContext } from '../usage/create-ai-record-context';

/**
 * The demo's AI-service usage rows as usage records, estimated exactly as an uploaded export row is
 * (`aiUsageRecordOf` with `createAiRecordContext`), each with its stable demo record id. `validAt` is the schema's
 * "now" (the demo's end, so the result does not depend on the clock). A row the upload path would refuse is a bug in the generator: it throws instead of seeding less.
 */
export function estimateDemoAiUsage(
  rows: readonly TAiUsageRow[],
  library: IndexedFactorLibrary,
  validAt: Date,
): ParsedRecord[] {
  const problems: string[] = [];
  const sink = {
    error: (line: number, column: string | null, message: string) => {
      problems.push(`line ${line}, ${column ?? 'row'}: ${message}`);
    },
    warn: () => undefined,
  };
  const context = createAiRecordContext(library, validAt);
  const parsed: ParsedRecord[] = [];
  for (const row of rows) {
    const record = aiUsageRecordOf(row, context, sink);
    if (record) {
      parsed.push({ ...record, record: { ...record.record, recordId: aiUsageRecordId(row) } });
    }
  }
  if (problems.length > 0) {
    throw new Error(`demo AI usage refused by the upload path: ${problems.slice(0, 3).join('; ')}`);
  }
  return parsed;
}
