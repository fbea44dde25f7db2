import 'server-only';

/**
 * "Now" for pages that resolve periods (overview, records, targets). Pure folders take it as an argument; this is
 * the one place that reads the clock for them. `AIF_FIXED_NOW` (an ISO instant) pins it, so e2e tests and the
 * documentation screenshots see the same "today" on any day they run; an unparsable value is ignored.
 */
export function requestNow(): Date {
  const fixed = process.env.AIF_FIXED_NOW;
  if (fixed) {
    const at = new Date(fixed);
    if (!Number.isNaN(at.getTime())) {
      return at;
    }
  }
  return new Date();
}
