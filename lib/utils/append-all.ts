/**
 * Appends `items` to `target` in place. `target.push(...items)` passes every item as a call argument, which
 * overflows the call stack ("Maximum call stack size exceeded") beyond about 125,000 items; a chunk of an upload
 * can hold more rows than that.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) {
    target.push(item);
  }
}
