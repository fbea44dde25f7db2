import type { HTMLAttributes } from 'react';
import { cn } from '@/lib/utils/cn';

/**
 * A container that scrolls a wide table (or code) sideways inside its card instead of widening the page on a
 * phone. It is focusable and named so that keyboard users can scroll it with the arrow keys (WCAG 2.1.1; axe's
 * scrollable-region-focusable rule). It is positioned so that absolutely positioned content (an `sr-only` label in a
 * cell) is clipped by it instead of widening the page.
 */
export function ScrollRegion({
  label,
  className,
  ...props
}: HTMLAttributes<HTMLElement> & { label: string }) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable to scroll by keyboard.
      tabIndex={0}
      className={cn('relative max-w-full overflow-x-auto', className)}
      {...props}
    />
  );
}
