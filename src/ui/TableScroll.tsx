/**
 * A wide table's horizontal scroll on a narrow screen, reachable from the keyboard: a named
 * region that takes the focus, so its arrows scroll it even when it holds nothing focusable
 * (the devices board offline, its buttons disabled). axe: scrollable-region-focusable.
 */
import type { ReactNode } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
