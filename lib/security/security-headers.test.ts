import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

describe('security headers', () => {
  test('the production CSP forbids framing, plugins, foreign origins and eval', () => {
    const csp = contentSecurityPolicy({ development: false });
    for (const directive of [
      "default-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
      "img-src 'self' data: blob:",
      "style-src 'self' 'unsafe-inline'",
      "connect-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('ws:');
  });

  test('development adds eval and the HMR websocket only', () => {
    const csp = contentSecurityPolicy({ development: true });
    expect(csp).toContain("script-src 'self' 'unsafe-eval'");
    expect(csp).toContain("connect-src 'self' ws:");
  });

  test('scripts: never unsafe-inline; a nonce adds itself and strict-dynamic', () => {
    expect(contentSecurityPolicy({ development: false })).toContain("script-src 'self';");
    const csp = contentSecurityPolicy({ development: false, nonce: 'abc123==' });
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic';");
    expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
  });

  test('HSTS only when asked; the other headers always', () => {
    const keys = (hsts: boolean) => securityHeaders({ development: false, hsts }).map((h) => h.key);
    expect(keys(false)).toEqual([
      'Referrer-Policy',
      'X-Content-Type-Options',
      'X-Frame-Options',
      'Cross-Origin-Opener-Policy',
      'Permissions-Policy',
    ]);
    expect(keys(true)).toContain('Strict-Transport-Security');
  });
});
