/**
 * Runs in the page (pass it to `page.evaluate`, so it must not close over anything): when the document is wider than
 * the viewport, names the elements that stick out on the right, innermost first, skipping those inside a container
 * that scrolls or clips sideways itself (a table in an `overflow-x-auto` card is fine). Returns null when the page
 * does not scroll sideways.
 */
export function findHorizontalOverflow(): string | null {
  const root = document.scrollingElement ?? document.documentElement;
  const viewportWidthPx = window.innerWidth;
  if (root.scrollWidth <= viewportWidthPx) {
    return null;
  }
  const clipsSideways = (el: Element) => {
    const { overflowX } = getComputedStyle(el);
    return overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden' || overflowX === 'clip';
  };
  const nameOf = (el: Element) => {
    const id = el.id ? `#${el.id}` : '';
    const testId = el.getAttribute('data-testid');
    const classes = [...el.classList].slice(0, 3).join('.');
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const rightPx = Math.round(el.getBoundingClientRect().right);
    return `${el.tagName.toLowerCase()}${id}${testId ? `[data-testid=${testId}]` : ''}${classes ? `.${classes}` : ''} "${text}" right=${rightPx}`;
  };
  const culprits: string[] = [];
  // An element sticks out when its box does, or when its own content (a long unbreakable word, a nowrap line)
  // spills past its box and past the viewport.
  const sticksOut = (el: Element) => {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0) {
      return false;
    }
    return rect.right > viewportWidthPx + 1 || rect.left + el.scrollWidth > viewportWidthPx + 1;
  };
  // Reports the innermost elements that stick out (a wide table, a long unbroken word): their ancestors only stick
  // out because of them. Children of a container that scrolls or clips sideways are that container's business.
  const walk = (el: Element): boolean => {
    let found = false;
    for (const child of el.children) {
      if (culprits.length >= 5) {
        return true;
      }
      if (clipsSideways(child)) {
        // A scrolling or clipping box only matters by its own edges: its content scrolls inside it.
        const rect = child.getBoundingClientRect();
        if (rect.width > 0 && rect.right > viewportWidthPx + 1) {
          culprits.push(nameOf(child));
          found = true;
        }
        continue;
      }
      if (walk(child)) {
        found = true;
      } else if (sticksOut(child)) {
        culprits.push(nameOf(child));
        found = true;
      }
    }
    return found;
  };
  walk(document.body);
  if (culprits.length === 0) {
    // An absolutely positioned element escapes a scrolling container that is not its containing block (an sr-only
    // label inside a table in a non-positioned scroller), so the walk above skipped it.
    for (const el of document.body.querySelectorAll('*')) {
      const { position } = getComputedStyle(el);
      if ((position === 'absolute' || position === 'fixed') && sticksOut(el) && culprits.length < 5) {
        culprits.push(`${nameOf(el)} (position: ${position})`);
      }
    }
  }
  return `scrollWidth ${root.scrollWidth} > ${viewportWidthPx}: ${culprits.join('; ') || 'no single element found'}`;
}
