// A stand-in for Next's request scope, so integration tests can call route handlers with a session cookie and
// server actions directly: `next/headers` answers from the current fake request, `next/navigation` redirects throw
// a RedirectSignal, `next/cache` revalidation is a no-op. The database and Better Auth stay real.
// Use in a test file (vi.mock is hoisted, so the factories import this module lazily):
//   vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock);
//   vi.mock('next/navigation', async () => (await import('../support/request-context')).nextNavigationMock);
//   vi.mock('next/cache', async () => (await import('../support/request-context')).nextCacheMock);

import { AsyncLocalStorage } from 'node:async_hooks';

interface TScope {
  headers: Headers;
  /** Cookies the code under test set (name → value), e.g. the active-organisation cookie. */
  setCookies: Map<string, string>;
}

// One scope per concurrent call (AsyncLocalStorage, as Next does); `enterRequest` sets the fallback scope for
// code that runs outside `withRequest`.
const storage = new AsyncLocalStorage<TScope>();
let fallback: TScope = { headers: new Headers(), setCookies: new Map() };
let last: TScope = fallback;
const scope = (): TScope => storage.getStore() ?? fallback;

/** Makes `headers` the current request (as a server action or page would see it) until the next call. */
export function enterRequest(headers: HeadersInit): void {
  fallback = { headers: new Headers(headers), setCookies: new Map() };
  last = fallback;
}

/** Runs `fn` inside its own request scope; concurrent calls do not see each other's headers or cookies. */
export function withRequest<T>(headers: HeadersInit, fn: () => Promise<T>): Promise<T> {
  const own: TScope = { headers: new Headers(headers), setCookies: new Map() };
  last = own;
  return storage.run(own, fn);
}

/** Cookies set by the most recent call (run calls one at a time when you read this). */
export function cookiesSet(): ReadonlyMap<string, string> {
  return last.setCookies;
}

function parseCookies(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) {
      jar.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
    }
  }
  return jar;
}

function cookieStore() {
  const current = scope();
  const jar = parseCookies(current.headers.get('cookie'));
  for (const [name, value] of current.setCookies) {
    jar.set(name, value);
  }
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) ?? '' } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => {
      current.setCookies.set(name, value);
    },
    delete: (name: string) => {
      current.setCookies.set(name, '');
    },
  };
}

export const nextHeadersMock = {
  headers: async () => scope().headers,
  cookies: async () => cookieStore(),
};

/** What `redirect()` throws here (Next throws its own NEXT_REDIRECT error inside a request). */
export class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}

export const nextNavigationMock = {
  redirect: (url: string) => {
    throw new RedirectSignal(url);
  },
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
  /** As Next's: control-flow errors (here a redirect) pass through a catch-all untouched. */
  unstable_rethrow: (error: unknown) => {
    if (error instanceof RedirectSignal || (error instanceof Error && error.message === 'NEXT_NOT_FOUND')) {
      throw error;
    }
  },
};

export const nextCacheMock = {
  revalidatePath: () => {},
  revalidateTag: () => {},
};
