/**
 * A time left as people say it, for progress labels ("12 s", "3 min 5 s", "1 h 20 min"): seconds under a
 * minute, minutes and seconds under ten minutes, then minutes, then hours and minutes. Whole seconds in.
 */
export function formatRemainingTime(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) {
    return `${s} s`;
  }
  const minutes = Math.floor(s / 60);
  if (minutes < 10) {
    const rest = s % 60;
    return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  }
  // From ten minutes on, seconds are noise: round to the nearest minute.
  const rounded = Math.round(s / 60);
  if (rounded < 60) {
    return `${rounded} min`;
  }
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
