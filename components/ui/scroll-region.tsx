import type { ReactNode } from "react";

/**
 * A table that may be wider than a phone's screen scrolls sideways inside this region. The
 * region takes focus and has a name, so keyboard users can scroll it too (axe's
 * scrollable-region-focusable).
 */
export function ScrollRegion({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`overflow-x-auto ${className}`} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
