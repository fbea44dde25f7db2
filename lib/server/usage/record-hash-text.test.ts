import { expect, test } from 'vitest';
import { recordHashText } from './record-hash-text';

/** The original definition of the hashed text: the defined pairs in order, dates as ISO strings. */
function reference(values: Record<string, unknown>, order: readonly string[]): string {
  const entries: [string, unknown][] = [];
  for (const key of order) {
    const v = values[key];
    if (v !== undefined) {
      entries.push([key, v instanceof Date ? v.toISOString() : v]);
    }
  }
  return JSON.stringify(entries);
}

test('equals JSON.stringify of the [key, value] pairs for every kind of value', () => {
  const values: Record<string, unknown> = {
    accelerator: 'NVIDIA "H100"\tSXM\\é\u0001',
    acceleratorCount: 8,
    acceleratorHours: 0.1 + 0.2,
    cost: 1e21,
    energyKwh: -0,
    tokens: 1.5e-7,
    endedAt: new Date('2026-03-01T01:00:00.000Z'),
    startedAt: new Date('2026-03-01T00:00:00.5Z'),
    notes: '',
    model: undefined,
    flag: true,
    nothing: null,
    infinite: Number.POSITIVE_INFINITY,
    nested: { a: [1, 'b'] },
  };
  const order = Object.keys(values).sort((a, b) => a.localeCompare(b));
  expect(recordHashText(values, order)).toBe(reference(values, order));
  // Same date again (remembered text) and a record with a single pair, or none.
  expect(recordHashText(values, order)).toBe(reference(values, order));
  expect(recordHashText({ phase: 'training' }, ['phase'])).toBe('[["phase","training"]]');
  expect(recordHashText({}, ['phase'])).toBe('[]');
});
