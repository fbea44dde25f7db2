import { expect, test } from 'vitest';
import { RenderAbandonedError, RenderGate } from './render-gate';

test('[render gate] at most `slots` holders; the others wait in arrival order', async () => {
  const gate = new RenderGate(2);
  const order: string[] = [];
  const a = await gate.acquire();
  const b = await gate.acquire();
  const c = gate.acquire().then((release) => {
    order.push('c');
    return release;
  });
  const d = gate.acquire().then((release) => {
    order.push('d');
    return release;
  });
  expect(gate.stats).toEqual({ running: 2, waiting: 2 });
  a();
  a(); // idempotent: a second call frees nothing more
  const releaseC = await c;
  expect(order).toEqual(['c']);
  expect(gate.stats).toEqual({ running: 2, waiting: 1 });
  b();
  const releaseD = await d;
  expect(order).toEqual(['c', 'd']);
  releaseC();
  releaseD();
  expect(gate.stats).toEqual({ running: 0, waiting: 0 });
});

test('[render gate] a waiter whose client has gone leaves the queue and is never granted a slot', async () => {
  const gate = new RenderGate(1);
  const held = await gate.acquire();
  const gone = new AbortController();
  const abandoned = gate.acquire(gone.signal);
  const next = gate.acquire(new AbortController().signal);
  expect(gate.stats).toEqual({ running: 1, waiting: 2 });
  gone.abort();
  await expect(abandoned).rejects.toBeInstanceOf(RenderAbandonedError);
  expect(gate.stats).toEqual({ running: 1, waiting: 1 });
  held();
  const releaseNext = await next;
  expect(gate.stats).toEqual({ running: 1, waiting: 0 });
  releaseNext();
  // Already gone before asking: rejected at once, nothing taken.
  await expect(gate.acquire(AbortSignal.abort())).rejects.toBeInstanceOf(RenderAbandonedError);
  expect(gate.stats).toEqual({ running: 0, waiting: 0 });
});
