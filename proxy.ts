import { getSessionCookie } from 'better-auth/cookies';
import { type NextRequest, NextResponse } from 'next/server';

// UX only: send visitors without a session cookie to sign-in before rendering. Authorisation is checked on the
// server in every page, action and route (lib/auth/context.ts), never here.
export function proxy(request: NextRequest) {
  if (!getSessionCookie(request)) {
    return NextResponse.redirect(new URL('/sign-in', request.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/((?!sign-in|api/|_next/|favicon.ico|templates/).*)'],
};
