'use client'

import { Link, NavGroup } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

/** Same markup and classes as Payload's own nav links, so they look and highlight alike. */
export const StaffNavLinksClient = ({ links }: { links: { href: string; label: string }[] }) => {
  const pathname = usePathname()
  return (
    <NavGroup label="Staff tools">
      {links.map(({ href, label }) => {
        const active = pathname === href
        const content = (
          <>
            {active && <div className="nav__link-indicator" />}
            <span className="nav__link-label">{label}</span>
          </>
        )
        return active ? (
          <div className="nav__link" key={href}>
            {content}
          </div>
        ) : (
          <Link className="nav__link" href={href} key={href} prefetch={false}>
            {content}
          </Link>
        )
      })}
    </NavGroup>
  )
}
