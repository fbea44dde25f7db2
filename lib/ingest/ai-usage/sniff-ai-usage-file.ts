import { tokenizeCsv } from '../csv-table';
import { detectAiUsageCsvFormat } from './detect-ai-usage-format';

const SNIFF_BYTES = 64 * 1024;

/**
 * True when the file is for the AI-service parser: JSON (every JSON export we read is an AI-service one; the
 * compute formats are CSV) or a CSV whose header is one of the AI-service exports. Reads the first 64 KiB. Pure.
 */
export function isAiUsageFile(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    return true;
  }
  const firstLine = start.split(/\r\n|\n|\r/)[0] ?? '';
  const header = tokenizeCsv(firstLine, ',').rows[0]?.fields.map((f) => f.trim()) ?? [];
  return detectAiUsageCsvFormat(header) !== null;
}
