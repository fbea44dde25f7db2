import { expect, test } from 'vitest';
import { estimateProcessing } from './processing-estimate';

test('mid-file: rows extrapolated from bytes, average rate, time left to read', () => {
  // 10 MB declared, 2.5 MB read in 5 s holding 20,000 rows: about 20,000 × 10 / 2.5 = 80,000 rows;
  // 20,000 rows / 5 s = 4,000 rows/s; 60,000 rows left / 4,000 = 15 s.
  expect(
    estimateProcessing({
      rowsProcessed: 20_000,
      bytesProcessed: 2_500_000,
      bytesTotal: 10_000_000,
      elapsedMs: 5_000,
      fileRead: false,
    }),
  ).toEqual({ rowsTotal: 80_000, rowsTotalEstimated: true, rowsPerSecond: 4_000, etaSeconds: 15 });
});

test('time left is rounded up to whole seconds and the row estimate to whole rows', () => {
  // 1,000 rows in 3,000 of 10,000 bytes → 3,333.3 → 3,333 rows; 1,000 rows in 1.5 s = 666.7 rows/s → 667;
  // 2,333 rows left × 1.5 s / 1,000 rows = 3.4995 s → 4 s.
  expect(
    estimateProcessing({
      rowsProcessed: 1_000,
      bytesProcessed: 3_000,
      bytesTotal: 10_000,
      elapsedMs: 1_500,
      fileRead: false,
    }),
  ).toEqual({ rowsTotal: 3_333, rowsTotalEstimated: true, rowsPerSecond: 667, etaSeconds: 4 });
});

test('once the file is read the count is exact and nothing is left to read', () => {
  expect(
    estimateProcessing({
      rowsProcessed: 81_234,
      bytesProcessed: 10_000_000,
      bytesTotal: 10_000_000,
      elapsedMs: 20_000,
      fileRead: true,
    }),
  ).toEqual({ rowsTotal: 81_234, rowsTotalEstimated: false, rowsPerSecond: 4_062, etaSeconds: 0 });
});

test('no declared size, no rows yet or under a second of reading: no guess', () => {
  const base = { rowsProcessed: 500, bytesProcessed: 65_536, elapsedMs: 4_000, fileRead: false };
  expect(estimateProcessing({ ...base, bytesTotal: null })).toEqual({
    rowsTotal: null,
    rowsTotalEstimated: false,
    rowsPerSecond: 125,
    etaSeconds: null,
  });
  expect(estimateProcessing({ ...base, rowsProcessed: 0, bytesTotal: 1_000_000 })).toEqual({
    rowsTotal: null,
    rowsTotalEstimated: false,
    rowsPerSecond: null,
    etaSeconds: null,
  });
  // 500 rows in 65,536 of 131,072 bytes → about 1,000 rows, but 0.9 s is too early for a rate.
  expect(estimateProcessing({ ...base, bytesTotal: 131_072, elapsedMs: 900 })).toEqual({
    rowsTotal: 1_000,
    rowsTotalEstimated: true,
    rowsPerSecond: null,
    etaSeconds: null,
  });
});

test('a declared size smaller than what was read never gives fewer rows than already read', () => {
  expect(
    estimateProcessing({
      rowsProcessed: 900,
      bytesProcessed: 120_000,
      bytesTotal: 100_000,
      elapsedMs: 2_000,
      fileRead: false,
    }),
  ).toEqual({ rowsTotal: 900, rowsTotalEstimated: true, rowsPerSecond: 450, etaSeconds: 0 });
});
