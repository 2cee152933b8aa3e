import { HOME } from '@/lib/routes'

export type Crumb = { href: string; label: string }

/**
 * NHS.UK breadcrumb: the trail above the current page, from Home (every trail starts there, so callers give
 * only what follows); the last crumb doubles as the mobile "back" link.
 */
export const Breadcrumbs = ({ items = [] }: { items?: Crumb[] }) => {
  const trail = [{ href: HOME, label: 'Home' }, ...items]
  const back = trail[trail.length - 1]!
  return (
    <nav aria-label="Breadcrumb" className="nhsuk-breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {trail.map((item) => (
          <li className="nhsuk-breadcrumb__list-item" key={item.href}>
            <a className="nhsuk-breadcrumb__link" href={item.href}>
              {item.label}
            </a>
          </li>
        ))}
      </ol>
      <a className="nhsuk-back-link" href={back.href}>
        <span className="nhsuk-u-visually-hidden">Back to </span>
        {back.label}
      </a>
    </nav>
  )
}
