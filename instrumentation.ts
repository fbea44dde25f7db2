// Runs once when the Next.js server boots: refuse to serve with an invalid environment (clear message, exit 1)
// instead of failing on the first request. Skipped while `next build` collects pages.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { ensureEnvironment } = await import('./lib/env');
    ensureEnvironment('server');
  }
}
