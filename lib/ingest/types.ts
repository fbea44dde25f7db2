import type { TColumnMapping } from '@/lib/schemas/column-mapping';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';

/** `{ [sourceHeader]: { field, unit? } }`; schema `ZColumnMapping` in lib/schemas/column-mapping.ts. */
export type ColumnMapping = TColumnMapping;

/**
 * Formats the upload parser understands. 'unknown' = header not recognised (see `needsMapping`); 'ai-usage' =
 * an AI-service usage export (lib/ingest/ai-usage, issue #21).
 */
export type IngestFormat = 'generic' | 'codecarbon' | 'nvidia-smi' | 'ai-usage' | 'unknown';

export interface ParseOptions {
  /** Name of the uploaded file; copied into every error. */
  fileName: string;
  /** Force a format; 'auto' (default) detects it from the header line. */
  format?: 'auto' | 'generic' | 'codecarbon' | 'nvidia-smi';
  /** IANA zone of timestamps without offset (every format; docs/CSV_FORMAT.md "Timestamps"); default 'UTC'. */
  timeZone?: string;
  /** Upload-form values: required phase for nvidia-smi, fallbacks for CodeCarbon (see docs/CSV_FORMAT.md). */
  defaults?: Partial<TUsageRecordInput>;
  /** Mapping of unknown headers to record fields (generic parsing). */
  mapping?: ColumnMapping;
  /** nvidia-smi: longer sample gaps (s) are not integrated and split sessions; default 60. */
  nvidiaSmiMaxGapSeconds?: number;
  /**
   * The current instant: records ending more than a day after it are row errors (`usageRecordSchemaAt`). Every
   * application path passes it; without it only the static bounds apply (year 2000–2099, ≤ 366 days, ranges).
   */
  now?: Date;
  /** Extra checks of each generic/mapped record (e.g. names unknown to the factor library); issues reject the row. */
  checkRecord?: (record: TUsageRecordInput) => { field: string; message: string }[];
  /**
   * Generic/mapped rows: when given, every row's record_id (valid row or not) is reported here with its line and
   * column, and the caller checks uniqueness (the upload path does it in Postgres, so memory does not grow with
   * the file). Without it, duplicates are found in memory as before (browser preview, CLI).
   */
  onRecordId?: (recordId: string, line: number, column: string | null) => void;
}

export interface CodecarbonSource {
  /** run_id (experiment_id for v0/v1 files); null when missing/"None". */
  runId: string | null;
  /** experiment_id of v2.7+ files (the API experiment), matched against live runs of the same experiment. */
  experimentId?: string;
  /** Cumulative `emissions` of the kept row, kg CO2e, computed with CodeCarbon's factor; null if empty. */
  reportedEmissionsKg: number | null;
  /** Cumulative `energy_consumed`, kWh, already multiplied by `pue`. */
  reportedEnergyKwh: number;
  /** `pue` column (absent before v2.3). */
  pueApplied?: number;
  /** `water_consumed` (L) and `wue` (L/kWh), v3.0.8+. */
  reportedWaterL?: number;
  wueApplied?: number;
  countryIso?: string;
  region?: string;
  cloudProvider?: string;
  cloudRegion?: string;
  /** Location looks like CodeCarbon's geolocation-failure fallback (Quebec, Canada). */
  quebecFallback: boolean;
  trackerVersion?: string;
  /** Number of cumulative rows folded into this record (1 = single row). */
  rowsCollapsed: number;
}

export interface NvidiaSmiSource {
  /** nvidia-smi `index` of each GPU in the record (the record covers a group of same-name GPUs). */
  gpuIndices: string[];
  gpuName: string;
  /** Power samples integrated. */
  samples: number;
  /** Gaps longer than the threshold that end or start this session (not integrated). */
  gapsSkipped: number;
}

export interface ParsedRecord {
  /** 1-based physical line of the (first) source row. */
  line: number;
  record: TUsageRecordInput;
  source?: {
    codecarbon?: CodecarbonSource;
    nvidiaSmi?: NvidiaSmiSource;
    aiEnergyRange?: readonly [number, number];
    /** On-device inference (issue #21 item 6): what the record page and the report's scope read. */
    edge?: { deviceClass: string; deviceCount: number; ownership: string };
  };
  /** Flag codes from `INGEST_FLAGS`. */
  flags: string[];
  /** A row of a third-party AI service's usage export, estimated by the AI-services engine (issue #21). */
  ai?: TAiRecordFields;
}

/** What an AI-service usage row adds to its record (usage_record ai_service, input/output tokens, model ref). */
export interface TAiRecordFields {
  /** Service name of reference/ai-services/providers.csv (openai, aws-bedrock …). */
  service: string;
  inputTokens: number;
  outputTokens: number;
  /** Model repository entry used: "<provider>/<model>@ecologits-<version>". */
  modelRef: string;
  /** The method's embodied share of the servers, kg CO2e (replaces the compute engine's device-hour figure). */
  embodiedKgCo2e: number;
  /**
   * Relative range [below, above] of the facility energy from the EcoLogits parameter and PUE ranges
   * (`aiEnergyRangeOf`); kept in the record's source data so that recomputations keep the band.
   */
  energyRange: readonly [number, number];
}

export interface RowError {
  fileName: string;
  /** 1-based physical line; the header is line 1 when the file has no leading blank lines. */
  line: number;
  /** Header name of the offending column, or null for whole-row/whole-file problems. */
  column: string | null;
  /** Says what is wrong and what to fix. */
  message: string;
}

export type RowWarning = RowError;

export interface ParseStats {
  /** Data rows read (header and blank lines excluded). */
  rows: number;
  /** Records returned. */
  accepted: number;
  /** Rows with at least one error. */
  rejected: number;
  /** Valid rows folded into another record (CodeCarbon cumulative rows and exact duplicates). */
  duplicatesCollapsed: number;
}

export interface ParseResult {
  format: IngestFormat;
  records: ParsedRecord[];
  errors: RowError[];
  warnings: RowWarning[];
  headers: string[];
  /** True when the header is unknown and no mapping was given: ask the user for a `ColumnMapping`. */
  needsMapping?: boolean;
  stats: ParseStats;
}

/** A tokenised CSV row with its physical start line. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** Shared by the format parsers: collects problems with the file name filled in. */
export interface IssueSink {
  error(line: number, column: string | null, message: string): void;
  warn(line: number, column: string | null, message: string): void;
}
