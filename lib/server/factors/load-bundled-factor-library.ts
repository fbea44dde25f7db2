import { createHash } from 'node:crypto';
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

/**
 * Bumped when the parsers change the rows they build from unchanged files (the fingerprint then changes too, and
 * databases reload the bundled library at their next start).
 */
const BUNDLED_PARSER_REVISION = 1;

/**
 * sha256 (hex) of every file the bundled library is built from, with its path, and the parser revision: equal
 * fingerprints mean the bundled rows in a database loaded from the same fingerprint are current. Reads the files
 * as bytes (no parsing), so checking it at every start costs a few milliseconds.
 */
export function bundledReferenceFingerprint(referenceDir: string = DEFAULT_REFERENCE_DIR): string {
  const hash = createHash('sha256').update(`parser-revision:${BUNDLED_PARSER_REVISION}\n`);
  const files = [...Object.values(BUNDLED_REFERENCE_FILES), ...BUNDLED_HOURLY_FILES].sort();
  for (const relative of files) {
    const bytes = readFileSync(path.join(referenceDir, relative));
    hash.update(`${relative}\n${bytes.length}\n`).update(bytes);
  }
  return hash.digest('hex');
}
