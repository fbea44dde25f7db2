import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findChromium } from './print-report-pdf';

describe('where the PDF renderer finds Chromium', () => {
  test('CHROMIUM_PATH wins when it exists; a missing one is reported as not found', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBeNull();
  });

  test('without CHROMIUM_PATH: the first installed of the usual paths', () => {
    const expected = [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/google-chrome',
    ].find((p) => existsSync(p));
    expect(findChromium({})).toBe(expected ?? null);
  });
});
