import { expect, test } from 'vitest';
import { aiServiceFlagsOf } from './ai-service-flags';

test('the AI flags of a record’s source data, without other ingest flags or unknown codes', () => {
  expect(
    aiServiceFlagsOf({
      aiEnergyRange: [0.5, 0.5],
      ingestFlags: ['AI_MODEL_SIZE_ESTIMATED', 'PHASE_DEFAULTED', 'NOT_A_FLAG', 'EDGE_THIN_EVIDENCE', 7],
    }),
  ).toEqual(['AI_MODEL_SIZE_ESTIMATED', 'EDGE_THIN_EVIDENCE']);
  expect(aiServiceFlagsOf(null)).toEqual([]);
  expect(aiServiceFlagsOf({ codecarbon: {} })).toEqual([]);
});
