import type { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The HTTP request being served, as set by the production server (scripts/next-server.mjs) around Next's handler:
 * `signal` aborts when the client closes the connection before the response finished, `closed` resolves when
 * the response is over either way, `peerAddress` is the socket peer. Shared through globalThis because that server and the app bundle load
 * separate module instances. Undefined under `next dev` and in tests (nothing to observe).
 */
export interface TRequestContext {
  signal: AbortSignal;
  closed: Promise<void>;
  /** The TCP peer's address (`req.socket.remoteAddress`): the client, or the nearest proxy in front of us. */
  peerAddress?: string;
}

export const REQUEST_CONTEXT_KEY = Symbol.for('ai-footprint.request-context');

export function currentRequestContext(): TRequestContext | undefined {
  const storage = (globalThis as Record<symbol, unknown>)[REQUEST_CONTEXT_KEY] as
    | AsyncLocalStorage<TRequestContext>
    | undefined;
  return storage?.getStore();
}
