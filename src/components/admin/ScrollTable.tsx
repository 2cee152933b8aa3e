import type { CSSProperties, ReactNode } from 'react'

/**
 * Payload's table frame, which scrolls sideways when the table is wider than the view: named and focusable,
 * so keyboard users can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export const ScrollTable = ({ children, label, style }: { children: ReactNode; label: string; style?: CSSProperties }) => (
  <div aria-label={label} className="table" role="region" style={style} tabIndex={0}>
    {children}
  </div>
)
