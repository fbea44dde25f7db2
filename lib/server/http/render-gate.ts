/**
 * At most `slots` holders at once; the others wait in arrival order. A waiter whose signal aborts (its client
 * went away) leaves the queue at once and its acquire() rejects with RenderAbandonedError, so an overload burst
 * of abandoned requests is dropped instead of rendered for nobody (issue #17 item 13: 223 s for the first request
 * after a 50-connection burst without it).
 */
export class RenderAbandonedError extends Error {
  constructor() {
    super('The client closed the request while it waited for a render slot; it was not rendered.');
    this.name = 'RenderAbandonedError';
  }
}

interface TWaiter {
  grant: () => void;
  signal: AbortSignal | undefined;
}

export class RenderGate {
  private running = 0;
  private readonly waiters: TWaiter[] = [];

  constructor(private readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1) {
      throw new Error(`RenderGate needs a positive whole number of slots, got ${slots}`);
    }
  }

  /** Holders now and waiters now (for tests and logs). */
  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiters.length };
  }

  /** Resolves with a release function once a slot is free; release() is idempotent. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) {
      return Promise.reject(new RenderAbandonedError());
    }
    if (this.running < this.slots) {
      this.running += 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: TWaiter = {
        signal,
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          this.running += 1;
          resolve(this.releaser());
        },
      };
      const onAbort = () => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) {
          this.waiters.splice(at, 1);
        }
        reject(new RenderAbandonedError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      this.running -= 1;
      const next = this.waiters.shift();
      next?.grant();
    };
  }
}
