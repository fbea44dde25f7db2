import { toNextJsHandler } from 'better-auth/next-js';
import { getAuthServer } from '@/lib/server/access/auth-server';

// Better Auth's HTTP endpoints (sign-in/email, sign-out, get-session) for API clients and tests.
export async function GET(request: Request) {
  return toNextJsHandler(getAuthServer()).GET(request);
}

export async function POST(request: Request) {
  return toNextJsHandler(getAuthServer()).POST(request);
}
