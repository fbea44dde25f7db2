import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FactorLibrary } from '@/lib/emissions/factor-library-types';
import {
  BUNDLED_HOURLY_FILES,
  BUNDLED_REFERENCE_FILES,
  type BundledReferenceTexts,
  buildFactorLibrary,
} from '../../factors/build-factor-library';

/** Default location of the bundled data: `<repo>/reference` (resolved from the working directory). */
export const DEFAULT_REFERENCE_DIR = path.resolve(process.cwd(), 'reference');

/**
 * Reads the bundled reference files (the only I/O in the factor pipeline) and builds the FactorLibrary with
 * the pure parsers. Used by the CLI and the database seed.
 */
export function loadBundledFactorLibrary(referenceDir: string = DEFAULT_REFERENCE_DIR): FactorLibrary {
  const read = (relative: string) => readFileSync(path.join(referenceDir, relative), 'utf8');
  const texts = Object.fromEntries(
    Object.entries(BUNDLED_REFERENCE_FILES).map(([key, relative]) => [key, read(relative)]),
  ) as Omit<BundledReferenceTexts, 'hourly'>;
  return buildFactorLibrary({ ...texts, hourly: BUNDLED_HOURLY_FILES.map(read) });
}
