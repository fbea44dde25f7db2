import { describe, expect, test } from 'vitest';
import { passwordPolicyRefusal } from './password-policy';

// Expected outcomes follow the policy's rules as written in docs/SECURITY.md "Passwords", not the code's output.
describe('passwordPolicyRefusal', () => {
  const email = 'alice.martin@example.test';

  test('too short or too long', () => {
    expect(passwordPolicyRefusal('abc-def-9', email)).toBe('Use at least 10 characters.');
    expect(passwordPolicyRefusal('x'.repeat(60) + 'y'.repeat(69), email)).toBe('Use at most 128 characters.');
  });

  test('one character repeated, of any length', () => {
    for (const p of ['aaaaaaaaaa', '0000000000000', '!!!!!!!!!!!!!!!!!!!!']) {
      expect(passwordPolicyRefusal(p, email)).toMatch(/^A password of one character repeated/);
    }
  });

  test('the email, or its name part with fewer than 10 other characters', () => {
    for (const p of [email, `${email}!`, 'ALICE.MARTIN', 'alice.martin2026', 'x-alice.martin-1']) {
      expect(passwordPolicyRefusal(p, email)).toMatch(/^Do not build the password on your email address/);
    }
    // The name part plus 10 or more other characters is judged on its strength like any other password.
    expect(passwordPolicyRefusal('alice.martin-quiet-harbour', email)).toBeNull();
  });

  test('the most common passwords', () => {
    for (const p of ['password123', 'qwertyuiop', '1234567890', 'iloveyou123']) {
      expect(passwordPolicyRefusal(p, email)).toMatch(/common passwords/);
    }
  });

  test('easy to guess patterns', () => {
    expect(passwordPolicyRefusal('abcdefghij', email)).not.toBeNull();
  });

  test('long passphrases pass, and so do the demo and fixture passwords', () => {
    expect(passwordPolicyRefusal('quiet-harbour-lantern-7', email)).toBeNull();
    expect(passwordPolicyRefusal('footprint-demo', 'demo@aifootprint.local')).toBeNull();
    expect(passwordPolicyRefusal('footprint-demo', 'admin@aifootprint.local')).toBeNull();
    expect(passwordPolicyRefusal('a-good-long-password', 'new.member@aifootprint.local')).toBeNull();
  });
});
