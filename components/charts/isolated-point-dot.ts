// A line or area needs two neighbouring points to draw anything: a series with one point (a model's first day, a
// one-bucket range) rendered as an empty chart (issue #23). Such series get visible dots instead.

/** Radius (px) of the dots drawn when a series has an isolated point. */
const DOT = { r: 3 } as const;

const present = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/**
 * Recharts' `dot` prop for one series: dots when some value has no present neighbour (it would draw nothing),
 * else none (dense lines stay clean). `connectNulls` series join across gaps, so only the present values count.
 */
export function isolatedPointDot(
  values: readonly unknown[],
  options: { connectNulls?: boolean } = {},
): typeof DOT | false {
  const points = options.connectNulls ? values.filter(present) : values;
  const isolated = points.some((v, i) => present(v) && !present(points[i - 1]) && !present(points[i + 1]));
  return isolated ? DOT : false;
}
