import { expect, test } from 'vitest';
import { flatCopy } from './flat-copy';

test('the copy is the same text, including quotes, backslashes, control characters and non-ASCII', () => {
  let built = '';
  for (const ch of '2025-01-01T00:00:00Z "a"\\b\u0001é✓') {
    built += ch;
  }
  expect(flatCopy(built)).toBe(built);
  expect(flatCopy('')).toBe('');
});
