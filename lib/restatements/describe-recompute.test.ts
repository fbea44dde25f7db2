import { expect, test } from 'vitest';
import { describeRecompute } from './describe-recompute';

test('says how many records changed and how many restatement entries were written', () => {
  expect(describeRecompute({ records: 2320, changedRecords: 120, restatements: 1440 })).toBe(
    '2,320 records recomputed: 120 changed, 1,440 restatement entries written.',
  );
  expect(describeRecompute({ records: 5, changedRecords: 0, restatements: 0 })).toBe(
    '5 records recomputed; no result changed, so nothing was restated.',
  );
});
