import { USAGE_RECORD_CSV_COLUMNS } from '@/lib/schemas/usage-record';
import { detectAiUsageCsvFormat } from './ai-usage/detect-ai-usage-format';

/**
 * What the header line looks like; 'codecarbon-task' files are recognised only to be refused clearly. AI-service
 * usage exports ('ai-usage') are read by `createAiUsageFileStream`: the upload flow sends them there before this
 * parser sees them (lib/server/usage/uploads/ai-usage-upload-stream.ts), so here they are refused clearly.
 */
export type DetectedFormat =
  | 'generic'
  | 'codecarbon'
  | 'codecarbon-task'
  | 'nvidia-smi'
  | 'ai-usage'
  | 'unknown';

const TEMPLATE_COLUMNS = new Set<string>(Object.keys(USAGE_RECORD_CSV_COLUMNS));

/** nvidia-smi header field: `power.draw [W]`, `utilization.gpu [%]`, `index` (docs/CSV_FORMAT.md §5). */
export const NVIDIA_SMI_HEADER = /^(?<field>[a-z0-9_.]+)(?: \[(?<unit>[^\]]+)\])?$/;

/**
 * Detects the format from the (trimmed) header names, following docs/CSV_FORMAT.md §2:
 * CodeCarbon = has energy_consumed, duration and emissions (every header generation, §2.2);
 * nvidia-smi = first field `timestamp` followed by index/name/uuid, or bracketed units like `power.draw [W]`;
 * generic = mostly our template's snake_case names (unknown extras are reported by the generic parser).
 */
export function detectFormat(headers: string[]): DetectedFormat {
  const names = new Set(headers);
  if (headers[0] === 'task_name') {
    return 'codecarbon-task';
  }
  if (detectAiUsageCsvFormat(headers) !== null) {
    return 'ai-usage';
  }
  if (names.has('energy_consumed') && names.has('duration') && names.has('emissions')) {
    return 'codecarbon';
  }
  const second = headers[1] ?? '';
  const bracketed = headers.some((h) => /^[a-z0-9_.]+ \[[^\]]+\]$/.test(h));
  if ((headers[0] === 'timestamp' && ['index', 'name', 'uuid'].includes(second)) || bracketed) {
    return 'nvidia-smi';
  }
  const known = headers.filter((h) => TEMPLATE_COLUMNS.has(h)).length;
  if (known >= 2 && known * 2 >= headers.length) {
    return 'generic';
  }
  return 'unknown';
}
