import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildEstimateReport } from '@/lib/cli/build-estimate-report';
import { formatEstimateText } from '@/lib/cli/format-estimate-text';
import { createCatalogCheck } from '@/lib/emissions/catalog-check';
import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { AI_USAGE_FORMATS, type TAiUsageFormat } from '@/lib/ingest/ai-usage/ai-usage-types';
import { isAiUsageFile } from '@/lib/ingest/ai-usage/sniff-ai-usage-file';
import { parseUsageFile } from '@/lib/ingest/parse-usage-file';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { CliUsageError } from './cli-usage-error';
import { estimateAiUsageFile } from './estimate-ai-usage';

const FORMATS = ['auto', 'generic', 'codecarbon', 'nvidia-smi', ...Object.keys(AI_USAGE_FORMATS)] as const;
const COMPUTE_FORMATS: readonly string[] = ['auto', 'generic', 'codecarbon', 'nvidia-smi'];

/** `footprint estimate <file.csv> [--format …] [--json] [--time-zone Z] [--phase P]`; returns the exit status. */
export async function runEstimate(args: string[], referenceDir: string): Promise<number> {
  let file: string | undefined;
  let format: string = 'auto';
  let json = false;
  let timeZone = 'UTC';
  let phase: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') {
      json = true;
    } else if (arg === '--format' || arg === '--time-zone' || arg === '--phase') {
      const value = args[++i];
      if (!value) {
        throw new CliUsageError(`${arg} needs a value`);
      }
      if (arg === '--format') {
        if (!(FORMATS as readonly string[]).includes(value)) {
          throw new CliUsageError(`--format must be one of ${FORMATS.join(', ')} (got "${value}")`);
        }
        format = value;
      } else if (arg === '--time-zone') {
        timeZone = value;
      } else {
        phase = value;
      }
    } else if (arg.startsWith('--')) {
      throw new CliUsageError(`unknown option ${arg}`);
    } else if (file) {
      throw new CliUsageError('give exactly one file');
    } else {
      file = arg;
    }
  }
  if (!file) {
    throw new CliUsageError('missing <file.csv>');
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CliUsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const fileName = path.basename(file);
  const library = ensureIndexed(loadBundledFactorLibrary(referenceDir));
  // AI-service usage exports (JSON pages, or a CSV header of one of them) go through the model repository.
  if (!COMPUTE_FORMATS.includes(format) || (format === 'auto' && isAiUsageFile(bytes))) {
    return estimateAiUsageFile(
      bytes,
      fileName,
      { format: format as 'auto' | TAiUsageFormat, json, ...(phase ? { phase } : {}) },
      referenceDir,
      library,
    );
  }
  const parsed = parseUsageFile(bytes, {
    fileName,
    format: format as 'auto' | 'generic' | 'codecarbon' | 'nvidia-smi',
    timeZone,
    now: new Date(),
    // The upload's check: an accelerator, instance type or region the catalog does not know is a row error naming
    // the value, never a default estimate (the resolved-names table says the same).
    checkRecord: createCatalogCheck(library),
    ...(phase ? { defaults: { phase: phase as never } } : {}),
  });
  if (parsed.needsMapping) {
    throw new CliUsageError(
      `${fileName}: the header is not a known format (generic template v1, CodeCarbon, nvidia-smi). ` +
        `Headers: ${parsed.headers.join(', ')}. Map the columns in the Uploads page, or rename them per docs/CSV_FORMAT.md.`,
    );
  }
  const report = buildEstimateReport(parsed, library);
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatEstimateText(report, fileName));
  return report.errors.length > 0 ? 1 : 0;
}
