import 'server-only';
import type { TIngestTracer } from '@/lib/ingest/ingest-tracer';
import { createBackgroundChain } from '../../db/background-chain';

/**
 * The COPY round trips of one upload (staging rows, provenance, record ids) on its data connection, one in
 * flight while Node goes on (`createBackgroundChain`). The time spent waiting for Postgres is the `copy` span.
 */
export interface TCopyQueue {
  /** Waits for the COPY in flight, then starts `send` without waiting for it. */
  next(send: () => Promise<void>): Promise<void>;
  /** Waits for the COPY in flight; call it before using the connection directly. */
  settle(): Promise<void>;
}

export function createCopyQueue(tracer: TIngestTracer): TCopyQueue {
  const chain = createBackgroundChain();
  return {
    next: (send) => tracer.span('copy', () => chain.next(send)),
    settle: () => tracer.span('copy', () => chain.settle()),
  };
}
