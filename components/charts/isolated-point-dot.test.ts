import { describe, expect, it } from 'vitest';
import { isolatedPointDot } from './isolated-point-dot';

describe('isolatedPointDot', () => {
  it('draws dots for a single point and for a point between gaps', () => {
    expect(isolatedPointDot([5])).toEqual({ r: 3 });
    expect(isolatedPointDot([1, 2, null, 4, null])).toEqual({ r: 3 });
  });

  it('draws no dots when every point has a neighbour, or there is no point', () => {
    expect(isolatedPointDot([1, 2, 3])).toBe(false);
    expect(isolatedPointDot([null, 1, 2, null])).toBe(false);
    expect(isolatedPointDot([])).toBe(false);
  });

  it('with connectNulls, gaps are bridged: only a lone present value needs a dot', () => {
    expect(isolatedPointDot([1, null, 2], { connectNulls: true })).toBe(false);
    expect(isolatedPointDot([null, 7, null], { connectNulls: true })).toEqual({ r: 3 });
  });
});
