// Wraps a Node HTTP request handler so that it runs inside the request context read by
// lib/server/request-context.ts (same globalThis key): `signal` aborts when the client closes the connection before
// the response finished, `closed` resolves when the response is over either way, `peerAddress` is the socket
// peer (the per-IP limits' key when no proxy is trusted: lib/security/client-ip.ts). Used by scripts/next-server.mjs
// around Next's handler (and by tests around a plain handler).
import { AsyncLocalStorage } from 'node:async_hooks';

const KEY = Symbol.for('ai-footprint.request-context');

/** @returns {AsyncLocalStorage<{ signal: AbortSignal, closed: Promise<void>, peerAddress?: string }>} */
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
    als.run({ signal: controller.signal, closed, peerAddress: req.socket.remoteAddress }, () => {
      handle(req, res).catch((error) => {
        console.error(error);
        if (!res.headersSent) {
          res.statusCode = 500;
        }
        res.end();
      });
    });
  };
}
