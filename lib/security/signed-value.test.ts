import { expect, test } from 'vitest';
import { fromSignedValue, toSignedValue } from './signed-value';

const SECRET = 's'.repeat(32);

test('a signed value round-trips; values may contain dots', () => {
  expect(fromSignedValue(toSignedValue('4f1c-org', SECRET), SECRET)).toBe('4f1c-org');
  expect(fromSignedValue(toSignedValue('a.b.c', SECRET), SECRET)).toBe('a.b.c');
});

test('tampered, unsigned, empty or foreign-secret values are rejected', () => {
  const signed = toSignedValue('org-a', SECRET);
  expect(fromSignedValue(signed.replace('org-a', 'org-b'), SECRET)).toBeNull();
  expect(fromSignedValue('org-a', SECRET)).toBeNull();
  expect(fromSignedValue(undefined, SECRET)).toBeNull();
  expect(fromSignedValue('.abc', SECRET)).toBeNull();
  expect(fromSignedValue(signed, 't'.repeat(32))).toBeNull();
  expect(fromSignedValue(`${signed}x`, SECRET)).toBeNull();
});
