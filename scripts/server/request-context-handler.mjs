// Wraps a Node HTTP request handler so that it runs inside the request context read by
// lib/server/http/request-context.ts (same globalThis key): `signal` aborts when the client closes the connection before
// the response finished, `closed` resolves when the response is over either way, `peerAddress` is the socket
// peer (the per-IP limits' key when no proxy is trusted: lib/security/client-ip.ts), `requestId` names the request
// in every log line (lib/server/http/logger.ts) and in the `X-Request-Id` response header. Used by
// scripts/next-server.mjs around Next's handler (and by tests around a plain handler).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const KEY = Symbol.for('ai-footprint.request-context');
// lib/server/http/logger.ts logServerError, set once the app has loaded it (instrumentation.ts register()).
const LOG_SERVER_ERROR_KEY = Symbol.for('ai-footprint.log-server-error');
// An incoming id (from a proxy or the client) is kept only when it is short and plain: it is echoed in a header
// and written to logs, so nothing that could forge a log field or a header.
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * @typedef {{ signal: AbortSignal, closed: Promise<void>, peerAddress?: string, requestId: string,
 *   method?: string, path?: string }} TRequestContext
 */

/** @param {import('node:http').IncomingMessage} req */
function requestIdOf(req) {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && WELL_FORMED_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** @returns {AsyncLocalStorage<TRequestContext>} */
function storage() {
  globalThis[KEY] ??= new AsyncLocalStorage();
  return globalThis[KEY];
}

/**
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>} handle
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function withRequestContext(handle) {
  const als = storage();
  return (req, res) => {
    const controller = new AbortController();
    /** @type {() => void} */
    let markClosed = () => {};
    /** @type {Promise<void>} */
    const closed = new Promise((resolve) => {
      markClosed = resolve;
    });
    res.once('close', () => {
      if (!res.writableFinished) {
        controller.abort(new Error('client closed the connection'));
      }
      markClosed();
    });
    const requestId = requestIdOf(req);
    res.setHeader('X-Request-Id', requestId);
    const context = {
      signal: controller.signal,
      closed,
      peerAddress: req.socket.remoteAddress,
      requestId,
      method: req.method,
      path: req.url,
    };
    als.run(context, () => {
      handle(req, res).catch((error) => {
        // Next's handler answers its own errors; this is the last resort: the app's structured error line when
        // the logger is loaded, else a bare line with the request id.
        const logServerError = globalThis[LOG_SERVER_ERROR_KEY];
        if (logServerError) {
          logServerError(error, 'request handler failed');
        } else {
          console.error(requestId, error);
        }
        if (!res.headersSent) {
          res.statusCode = 500;
        }
        res.end();
      });
    });
  };
}
