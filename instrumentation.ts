import type { Instrumentation } from 'next';

// Runs once when the Next.js server boots: refuse to serve with an invalid environment (clear message, exit 1)
// instead of failing on the first request. Skipped while `next build` collects pages.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { ensureEnvironment } = await import('./lib/env');
    ensureEnvironment('server');
    // Loads the logger, which also hands the production server's last-resort handler its error line.
    await import('./lib/server/http/logger');
  }
}

/**
 * Errors Next.js caught while serving a page, server action, route handler or proxy (route handlers answer their
 * own errors through lib/server/http/error-response.ts toErrorResponse, so those arrive here only if one escapes): one structured error line
 * with the request id, method, path (secrets removed) and route. Request headers are not logged.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === 'edge') {
    return;
  }
  const { logServerError, safePath } = await import('./lib/server/http/logger');
  logServerError(error, `${context.routeType} error in ${context.routePath}`, {
    method: request.method,
    path: safePath(request.path),
    routePath: context.routePath,
    routeType: context.routeType,
    routerKind: context.routerKind,
    ...(context.renderSource ? { renderSource: context.renderSource } : {}),
  });
};
