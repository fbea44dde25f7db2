import { formatNumber } from '@/lib/format/quantities';

// Shared Recharts settings, spread onto the Recharts elements (<XAxis {...categoryXAxis('day')} />) rather than
// wrapped in components, so every chart keeps the same grid, axes, tooltip and legend look.

export const CHART_MARGIN = { top: 8, right: 8, bottom: 0, left: 0 } as const;

/** Faint horizontal grid lines only. */
export const GRID_PROPS = { strokeDasharray: '3 3', vertical: false, stroke: '#94a3b833' } as const;

/** A category X axis (days, months, periods) without tick or axis lines. */
export function categoryXAxis(dataKey: string, options: { fontSize?: number; minTickGap?: number } = {}) {
  return {
    dataKey,
    tickLine: false,
    axisLine: false,
    fontSize: options.fontSize ?? 11,
    ...(options.minTickGap === undefined ? {} : { minTickGap: options.minTickGap }),
  } as const;
}

/** A quantity Y axis whose ticks are formatted like the figures (thousands separators, sensible decimals). */
export function quantityYAxis(options: { fontSize?: number } = {}) {
  return {
    tickLine: false,
    axisLine: false,
    fontSize: options.fontSize ?? 11,
    width: 56,
    tickFormatter: (value: number) => formatNumber(value),
  } as const;
}

/** Tooltip values with their unit, e.g. "1,234 kg CO₂e". */
export function unitTooltipFormatter(unit: string) {
  return (value: unknown) => `${formatNumber(Number(value))} ${unit}`;
}

/** Legend with small labels; `plainline` for line charts that mix dashed and solid series. */
export function legendProps(iconType: 'circle' | 'plainline' = 'circle') {
  return { iconType, wrapperStyle: { fontSize: 12 } } as const;
}
