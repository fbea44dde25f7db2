import { getSessionCookie } from 'better-auth/cookies';
import { type NextRequest, NextResponse } from 'next/server';
import { RETURN_PATH_HEADER } from './lib/security/return-path-header';
import { signInPathFor } from './lib/security/safe-return-path';
import { contentSecurityPolicy } from './lib/security/security-headers';

// Paths open without a session (sign-in, invitation links, CSV templates; the report print page, which the PDF
// renderer's Chromium opens with a signed print token instead: app/report-print/page.tsx answers 404 without one).
// The API is not matched at all.
const PUBLIC_PATHS = /^\/(sign-in|invite\/|templates\/|report-print$)/;
// CSV exports that machines may call with `Authorization: Bearer <token>` instead of the session cookie; the route
// handlers authorise either (requireRequestAuth), so the proxy must not send those calls to sign-in.
const BEARER_PATHS = /^\/(records|audit)\/export$/;
const hasBearer = (request: NextRequest) => /^Bearer\s/i.test(request.headers.get('authorization') ?? '');

/** A fresh 128-bit nonce per request, base64 (Next.js reads it from the request's CSP header). */
function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

// 1. Content-Security-Policy with a per-request nonce: Next.js puts it on its inline RSC scripts and bundles, so
//    script-src needs no 'unsafe-inline'. Every page is dynamic (the root layout reads cookies), as nonces require.
// 2. UX only: send visitors without a session cookie to sign-in before rendering. Authorisation is checked on the
//    server in every page, action and route (lib/server/access/auth-context.ts), never here.
export function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy({
    development: process.env.NODE_ENV === 'development',
    nonce: createNonce(),
  });
  const { pathname } = request.nextUrl;
  const bearerCall = BEARER_PATHS.test(pathname) && hasBearer(request);
  if (!PUBLIC_PATHS.test(pathname) && !bearerCall && !getSessionCookie(request)) {
    // Back to the requested page (with its filters) after signing in; same-origin paths only.
    const wanted = `${pathname}${request.nextUrl.search}`;
    const redirect = NextResponse.redirect(new URL(signInPathFor(wanted), request.url));
    redirect.headers.set('Content-Security-Policy', csp);
    return redirect;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);
  // For requirePageAuth when a session cookie exists but has expired: it has no other way to know the URL.
  requestHeaders.set(RETURN_PATH_HEADER, `${pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

// The API is left out: it does its own authentication, its JSON needs no nonce (next.config.ts gives it the
// static CSP), and Next.js buffers the body of every request a proxy matches, keeping only the first 10 MB
// (`proxyClientMaxBodySize`), which silently cut uploads (docs/RELIABILITY.md, "Upload size").
export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
