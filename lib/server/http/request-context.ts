import type { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The HTTP request being served, as set by the production server (scripts/next-server.mjs) around Next's handler:
 * `signal` aborts when the client closes the connection before the response finished, `closed` resolves when
 * the response is over either way, `peerAddress` is the socket peer, `requestId` names the request in logs and in
 * the `X-Request-Id` response header (lib/server/http/logger.ts). Shared through globalThis because that server and the app bundle load
 * separate module instances. Undefined under `next dev` and in tests (nothing to observe).
 */
export interface TRequestContext {
  signal: AbortSignal;
  closed: Promise<void>;
  /** The TCP peer's address (`req.socket.remoteAddress`): the client, or the nearest proxy in front of us. */
  peerAddress?: string;
  /** An incoming `X-Request-Id` of at most 128 characters from [A-Za-z0-9._-], otherwise a new UUID. */
  requestId: string;
  /** The request line's method and target (path and query, as received: log it through safePath). */
  method?: string;
  path?: string;
}

export const REQUEST_CONTEXT_KEY = Symbol.for('ai-footprint.request-context');

export function currentRequestContext(): TRequestContext | undefined {
  const storage = (globalThis as Record<symbol, unknown>)[REQUEST_CONTEXT_KEY] as
    | AsyncLocalStorage<TRequestContext>
    | undefined;
  return storage?.getStore();
}
