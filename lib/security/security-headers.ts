// Response headers sent on every page, API response and static file (next.config.ts `headers()`).
// Pure: the environment is passed in. docs/SECURITY.md explains each directive; docs/decisions/security.md why
// script-src keeps 'unsafe-inline' (Next.js App Router without per-request nonces inlines its RSC payload).

export interface TSecurityHeaderOptions {
  /** `next dev` needs eval (React refresh) and a websocket for HMR; production never gets them. */
  development: boolean;
  /** Send Strict-Transport-Security (production); browsers ignore it over plain http anyway (RFC 6797 §8.1). */
  hsts: boolean;
}

export function contentSecurityPolicy({ development }: Pick<TSecurityHeaderOptions, 'development'>): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // Recharts and Next.js set inline style attributes.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Next.js streams its RSC payload in inline <script> tags; without a nonce per request they need 'unsafe-inline'.
    'script-src': ["'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])],
    'connect-src': ["'self'", ...(development ? ['ws:'] : [])],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export function securityHeaders(options: TSecurityHeaderOptions): { key: string; value: string }[] {
  const headers = [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    },
  ];
  if (options.hsts) {
    headers.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' });
  }
  return headers;
}
