/** Upload parsers: bytes of a usage file → validated canonical usage records. Pure functions only. */
export { ZColumnMapping } from '@/lib/schemas/column-mapping';
export { decodeBytes } from './decode-bytes';
export { detectFormat } from './detect-format';
export { INGEST_FLAGS, type TIngestFlag } from './flags';
export { DEFAULT_NVIDIA_SMI_MAX_GAP_SECONDS } from './nvidia-smi-parser';
export { parseUsageFile } from './parse-usage-file';
export { GENERIC_EXAMPLE_CSV, GENERIC_TEMPLATE_CSV } from './templates';
export { parseLocalTimestamp, zonedWallTimeToUtc } from './time-zone';
export type {
  CodecarbonSource,
  ColumnMapping,
  IngestFormat,
  NvidiaSmiSource,
  ParsedRecord,
  ParseOptions,
  ParseResult,
  ParseStats,
  RowError,
  RowWarning,
} from './types';
