import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

// The password policy applied wherever a password is chosen (invitation acceptance, Better Auth's change-password
// and sign-up endpoints). Pure: no I/O, no clock. Strength is estimated by zxcvbn-ts with its bundled common
// dictionaries (passwords, names, keyboard patterns; nothing is fetched at runtime). docs/SECURITY.md "Passwords".

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
/** zxcvbn score 0–4; 3 = "safely unguessable: moderate protection from offline slow-hash scenario" (≥ 10^8 guesses). */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | null = null;
/** Built on first use: decompressing the dictionaries takes a few hundred milliseconds. */
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  return factory;
}

/** The password with every occurrence of `part` removed (case-insensitive). */
function without(password: string, part: string): string {
  return password.toLowerCase().split(part.toLowerCase()).join('');
}

/**
 * Why `password` may not be used by the account `email`, as a sentence saying what to do; null when it is fine.
 * Rules, in order: length; one character repeated; built on the email (contains the whole address, or its name part
 * with fewer than MIN_PASSWORD_LENGTH other characters); one of the most common passwords; easy to guess overall.
 */
export function passwordPolicyRefusal(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  }
  if (/^(.)\1*$/su.test(password)) {
    return 'A password of one character repeated is easy to guess; use a few unrelated words instead.';
  }
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  const onEmail =
    (address.length > 0 && password.toLowerCase().includes(address)) ||
    (localPart.length >= 3 && without(password, localPart).length < MIN_PASSWORD_LENGTH);
  if (onEmail) {
    return `Do not build the password on your email address; add at least ${MIN_PASSWORD_LENGTH} other characters or use unrelated words.`;
  }
  const result = estimator().check(password, [address, localPart].filter(Boolean));
  if (result.score >= MIN_PASSWORD_SCORE) {
    return null;
  }
  const common = result.sequence.some(
    (m) =>
      m.pattern === 'dictionary' &&
      m.dictionaryName.startsWith('passwords') &&
      m.token.length >= password.length - 3,
  );
  return common
    ? 'This is one of the most common passwords; choose a few unrelated words instead.'
    : 'This password is easy to guess (a common word, name, date or keyboard pattern); make it longer with a few unrelated words.';
}
