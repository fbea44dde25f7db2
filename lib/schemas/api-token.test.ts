import { expect, test } from 'vitest';
import { ZCreateApiTokenInput, ZExpiresIn } from './api-token';

test('token form: at least one known scope, deduplicated; a listed expiry', () => {
  expect(
    ZCreateApiTokenInput.parse({ name: ' ci ', scopes: ['read', 'read', 'reports'], expiresInDays: '30' }),
  ).toEqual({ name: 'ci', scopes: ['read', 'reports'], expiresInDays: '30' });
  expect(ZCreateApiTokenInput.safeParse({ name: 'ci', scopes: [], expiresInDays: '' }).success).toBe(false);
  expect(ZCreateApiTokenInput.safeParse({ name: 'ci', scopes: ['admin'], expiresInDays: '' }).success).toBe(
    false,
  );
  expect(ZCreateApiTokenInput.safeParse({ name: 'ci', scopes: ['read'], expiresInDays: '2' }).success).toBe(
    false,
  );
});

test('CLI --expires-in: hours or days to milliseconds, bounded', () => {
  expect(ZExpiresIn.parse('12h')).toBe(12 * 3_600_000);
  expect(ZExpiresIn.parse('30d')).toBe(30 * 86_400_000);
  expect(ZExpiresIn.safeParse('0d').success).toBe(false);
  expect(ZExpiresIn.safeParse('3w').success).toBe(false);
  expect(ZExpiresIn.safeParse('99999d').success).toBe(false);
});
