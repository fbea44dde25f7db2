// A stand-in for Next's `after()` (next/server), which throws outside a request scope: tests that call route
// handlers or actions directly capture the callbacks and run them when they choose, as Next does once the
// response is sent (after the write committed). Use in a test file (vi.mock is hoisted, so import lazily):
//   vi.mock('next/server', async (importOriginal) => ({
//     ...(await importOriginal<typeof import('next/server')>()),
//     after: (await import('../support/after-response')).captureAfter,
//   }));

const pending: (() => unknown)[] = [];

/** The mocked `after`: keeps the callback for runAfterResponse. */
export function captureAfter(task: () => unknown): void {
  pending.push(task);
}

/** Runs the callbacks captured so far, in order (what Next does after the response); returns how many ran. */
export async function runAfterResponse(): Promise<number> {
  let ran = 0;
  for (let task = pending.shift(); task; task = pending.shift()) {
    await task();
    ran += 1;
  }
  return ran;
}
