import pg from 'pg';

// pg 8 warns "Calling client.query() when the client is already executing a query is deprecated" when a second
// query is queued on one client while another waits (pg 9 will reject it). That happens when a Promise.all runs
// several queries over ONE interactive transaction (Prisma's `tx` holds a single pg client). Node prints the
// warning once per process, so this guard also records every overlap itself, with the test that caused it.

const PG_OVERLAP = 'already executing a query';

export interface TPgOverlapGuard {
  overlaps: string[];
  stop: () => void;
}

/** Starts recording overlapping queries (label = the running test) and the pg deprecation warning. */
export function guardPgOverlaps(label: () => string): TPgOverlapGuard {
  const overlaps: string[] = [];
  const proto = pg.Client.prototype as unknown as {
    query: (...args: unknown[]) => unknown;
  };
  const original = proto.query;
  proto.query = function guardedQuery(
    this: { _queryQueue?: unknown[]; pipeline?: boolean },
    ...args: unknown[]
  ) {
    // The same condition pg uses for its notice (client.js: `_queryQueue.length > 0 && !pipeline`).
    if ((this._queryQueue?.length ?? 0) > 0 && !this.pipeline) {
      overlaps.push(`${label()}: ${String((args[0] as { text?: string })?.text ?? args[0]).slice(0, 80)}`);
    }
    return original.apply(this, args);
  };
  const onWarning = (warning: Error) => {
    if (warning.message.includes(PG_OVERLAP)) {
      overlaps.push(`${label()}: ${warning.name}: ${warning.message}`);
    }
  };
  process.on('warning', onWarning);
  return {
    overlaps,
    stop: () => {
      proto.query = original;
      process.off('warning', onWarning);
    },
  };
}
