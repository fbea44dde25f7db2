// Where sign-in sends the user afterwards: only a path on this site. Anything else (an absolute URL, a
// protocol-relative `//host`, a backslash trick that browsers normalise to `//`, control characters) falls back to
// the overview, so a crafted sign-in link cannot forward a fresh session to another site (open redirect, CWE-601).
// Pure: no URL of the current request is needed, a relative path is by construction same-origin.

/** The overview, where sign-in lands without (or with a refused) return path. */
export const DEFAULT_RETURN_PATH = '/';

/** Paths sign-in must not return to: itself (a loop) and the invitation pages (one-time links). */
const NO_RETURN = /^\/(sign-in|invite\/)/;

/**
 * `value` when it is a same-origin path ("/records?team=x"), otherwise "/". Accepts only strings that start with
 * a single "/" followed by a character other than "/" or "\", with no control characters or whitespace.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) {
    return DEFAULT_RETURN_PATH;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
  if (!value.startsWith('/') || /^\/[/\\]/.test(value) || /[\u0000-\u0020\u007f\\]/.test(value)) {
    return DEFAULT_RETURN_PATH;
  }
  return NO_RETURN.test(value) ? DEFAULT_RETURN_PATH : value;
}

/** The sign-in URL that returns to `path` afterwards; plain "/sign-in" for the overview. */
export function signInPathFor(path: string): string {
  const safe = safeReturnPath(path);
  return safe === DEFAULT_RETURN_PATH ? '/sign-in' : `/sign-in?next=${encodeURIComponent(safe)}`;
}
