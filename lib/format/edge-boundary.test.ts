import { describe, expect, test } from 'vitest';
import { edgeBoundaryText } from './edge-boundary';

describe('edgeBoundaryText', () => {
  test('company devices are Scope 2, shipped products Scope 3 Category 11, in words', () => {
    expect(
      edgeBoundaryText({ edge: { deviceClass: 'laptop', deviceCount: 200, ownership: 'company' } }),
    ).toBe("On-device inference on the organisation's own devices (200 laptops): Scope 2 electricity.");
    expect(
      edgeBoundaryText({ edge: { deviceClass: 'embedded', deviceCount: 10, ownership: 'shipped' } }),
    ).toBe(
      'On-device inference in products sold to customers (10 embedded devices): Scope 3 Cat 11 (use of sold products), not Scope 2.',
    );
  });

  test('other records have no edge boundary', () => {
    expect(edgeBoundaryText(null)).toBeNull();
    expect(edgeBoundaryText({ aiEnergyRange: [0.1, 0.1], ingestFlags: [] })).toBeNull();
  });
});
