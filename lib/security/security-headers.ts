// Response headers sent on every page, API response and static file (next.config.ts `headers()`).
// Pure: the environment is passed in. docs/SECURITY.md explains each directive. Pages get a per-request nonce
// (proxy.ts); the API and static files get the same policy without one (they run no inline script). No 'unsafe-inline' scripts.

export interface TSecurityHeaderOptions {
  /** `next dev` needs eval (React refresh) and a websocket for HMR; production never gets them. */
  development: boolean;
  /** Send Strict-Transport-Security (production); browsers ignore it over plain http anyway (RFC 6797 §8.1). */
  hsts: boolean;
}

export interface TCspOptions extends Pick<TSecurityHeaderOptions, 'development'> {
  /** Base64 per-request nonce (proxy.ts): Next.js puts it on its own inline and bundle scripts. */
  nonce?: string;
}

export function contentSecurityPolicy({ development, nonce }: TCspOptions): string {
  // With a nonce, 'strict-dynamic' lets the nonced bootstrap load Next's chunks; 'self' stays for old browsers.
  const scriptSources = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'"];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // Recharts and Next.js set inline style attributes (a nonce here would disable 'unsafe-inline' for styles).
    'style-src': ["'self'", "'unsafe-inline'"],
    // Next.js streams its RSC payload in inline <script> tags: allowed only with this request's nonce.
    'script-src': [...scriptSources, ...(development ? ["'unsafe-eval'"] : [])],
    'connect-src': ["'self'", ...(development ? ['ws:'] : [])],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Every header but the CSP, which proxy.ts sets per request (pages) and next.config.ts for the API and static files. */
export function securityHeaders(options: TSecurityHeaderOptions): { key: string; value: string }[] {
  const headers = [
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
