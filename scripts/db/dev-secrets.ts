// Session-signing secret for local development and the e2e server only. Production sets BETTER_AUTH_SECRET
// (lib/env.ts refuses to start without one).
export const DEV_AUTH_SECRET = 'dev-only-secret-not-for-production-0123456789abcdef';
