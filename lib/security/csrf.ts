// CSRF defence for route handlers and server actions authenticated by the session cookie (docs/SECURITY.md
// "CSRF"). Bearer-token calls carry no ambient credential and are never checked. Pure: the caller passes the
// origins it trusts.

/** Methods that must not change state (RFC 9110 "safe"); never checked. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a cookie-authenticated request must be refused as cross-site, or null when it may proceed.
 * Browsers send `Origin` on every POST/PUT/PATCH/DELETE (same-origin included), so it must be one of
 * `trustedOrigins`; without it, `Sec-Fetch-Site: same-origin` (or `none`: typed by the user) is accepted; a request
 * with neither is not from a current browser page of ours, and scripts should use an API token instead.
 */
export function crossSiteRefusal(
  method: string,
  headers: Headers,
  trustedOrigins: readonly string[],
): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) {
    return null;
  }
  const origin = headers.get('origin');
  if (origin !== null) {
    return trustedOrigins.includes(origin)
      ? null
      : `Cross-site request refused: origin ${origin} may not change data with this session. Use an API token for scripts.`;
  }
  const site = headers.get('sec-fetch-site');
  if (site === 'same-origin' || site === 'none') {
    return null;
  }
  return 'Cross-site request refused: a browser session must send its Origin to change data. Use an API token for scripts.';
}
