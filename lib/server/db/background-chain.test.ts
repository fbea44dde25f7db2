import { expect, test } from 'vitest';
import { createBackgroundChain } from './background-chain';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

test('next returns while its task runs, and waits for the previous task before starting the next', async () => {
  const chain = createBackgroundChain();
  const log: string[] = [];
  let releaseFirst = () => {};
  await chain.next(async () => {
    log.push('first started');
    await new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    log.push('first done');
  });
  log.push('caller goes on');
  const second = chain.next(async () => {
    log.push('second started');
  });
  await tick();
  expect(log).toEqual(['first started', 'caller goes on']);
  releaseFirst();
  await second;
  await chain.settle();
  expect(log).toEqual(['first started', 'caller goes on', 'first done', 'second started']);
});

test('a failed task surfaces at the next call and at settle, never as an unhandled rejection', async () => {
  const chain = createBackgroundChain();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    await chain.next(async () => {
      throw new Error('COPY failed');
    });
    await tick();
    await tick();
    let started = false;
    await expect(
      chain.next(async () => {
        started = true;
      }),
    ).rejects.toThrow('COPY failed');
    expect(started).toBe(false);
    await expect(chain.settle()).rejects.toThrow('COPY failed');
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
