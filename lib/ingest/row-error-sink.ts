import type { IssueSink, RowError } from './types';

/** The problems found in one file, and the lines they reject. */
export interface TRowErrorSink extends IssueSink {
  readonly errors: RowError[];
  readonly warnings: RowError[];
  /** Lines with at least one error (a rejected data row, or the header). */
  readonly errorLines: Set<number>;
}

export function createRowErrorSink(fileName: string): TRowErrorSink {
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const errorLines = new Set<number>();
  return {
    errors,
    warnings,
    errorLines,
    error(line, column, message) {
      errors.push({ fileName, line, column, message });
      errorLines.add(line);
    },
    warn(line, column, message) {
      warnings.push({ fileName, line, column, message });
    },
  };
}
