import { describe, expect, test } from 'vitest';
import { dayAtFraction, dayOf, demoWindow, isoDay, isoMonth } from './dates';

describe('demoWindow', () => {
  test('spans whole UTC months back from the end date', () => {
    const window = demoWindow(new Date('2026-10-01T00:00:00Z'), 18);
    expect(window.start.toISOString()).toBe('2025-04-01T00:00:00.000Z');
    expect(window.end.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(window.days).toBe(548);
    expect(isoDay(dayOf(window, window.days - 1))).toBe('2026-09-30');
    expect(isoMonth(window.start)).toBe('2025-04');
    expect(dayAtFraction(window, 0.5)).toBe(274);
  });

  test('floors a non-midnight end to UTC midnight', () => {
    const window = demoWindow(new Date('2026-03-15T13:45:00Z'), 1);
    expect(window.start.toISOString()).toBe('2026-02-15T00:00:00.000Z');
    expect(window.end.toISOString()).toBe('2026-03-15T00:00:00.000Z');
    expect(window.days).toBe(28);
  });
});
