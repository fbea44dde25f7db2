/** Counts returned by a recomputation (lib/server/usage/recompute.ts), as plain data for the UI. */
export interface TRecomputeCounts {
  records: number;
  changedRecords: number;
  restatements: number;
}

const integer = new Intl.NumberFormat('en-GB');

/** One sentence for the UI after an action that recomputed the organisation's records. */
export function describeRecompute(counts: TRecomputeCounts): string {
  if (counts.changedRecords === 0) {
    return `${integer.format(counts.records)} records recomputed; no result changed, so nothing was restated.`;
  }
  return (
    `${integer.format(counts.records)} records recomputed: ${integer.format(counts.changedRecords)} changed, ` +
    `${integer.format(counts.restatements)} restatement entries written.`
  );
}
