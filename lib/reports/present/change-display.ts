import { displayUnits } from './display-text';

// How a change vs a comparative period is shown on the cover, the tiles and the summary: signed ("+53.6 %",
// "−41.0 %"), with a tone for colour (never the only cue: the sign and the words carry it too), and beyond ±999 %
// as "n/a (base near zero)" with the base value, because a percentage of a near-zero base says nothing
// (issue #22: "576,619.3 % YoY").

/** Largest |change| shown as a percentage; beyond it the base is near zero relative to the current value. */
export const MAX_SHOWN_CHANGE_PCT = 999;

export type TChangeTone = 'worse' | 'better' | 'neutral';

export interface TChangeDisplay {
  text: string;
  tone: TChangeTone;
}

const PCT = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const BASE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/**
 * `pct` is the model's rounded change (null when undefined, e.g. a zero base); `base` the comparative value;
 * `higherIsBetter` false for emissions, energy and water (a rise is shown as worse).
 */
export function changeDisplay(
  pct: number | null,
  base: number | null,
  unit: string,
  higherIsBetter = false,
): TChangeDisplay {
  if (pct === null) {
    return {
      text: base === 0 ? `n/a (base ${BASE.format(0)} ${displayUnits(unit)})` : 'n/a',
      tone: 'neutral',
    };
  }
  if (Math.abs(pct) > MAX_SHOWN_CHANGE_PCT) {
    return {
      text: `n/a (base near zero: ${base === null ? 'n/a' : BASE.format(base)} ${displayUnits(unit)})`,
      tone: 'neutral',
    };
  }
  if (pct === 0) {
    return { text: '±0.0 %', tone: 'neutral' };
  }
  const rising = pct > 0;
  // U+2212 minus sign: typographic, and not confused with a hyphen by readers or pdftotext.
  const text = `${rising ? '+' : '−'}${PCT.format(Math.abs(pct))} %`;
  return { text, tone: rising === higherIsBetter ? 'better' : 'worse' };
}
