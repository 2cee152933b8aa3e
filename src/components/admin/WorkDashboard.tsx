import type { AdminViewServerProps } from 'payload'

import { Gutter, Link } from '@payloadcms/ui'

import type { WorkSection } from '../../lib/admin/work'

import { workFor } from '../../lib/admin/work'
import { ROLE_LABELS, assignedRoles } from '../../lib/access'
import { adminHref } from './links'

type NavGroup = { entities: { label: string | Record<string, string>; slug: string; type: 'collections' | 'globals' }[]; label: string }

const labelOf = (label: string | Record<string, string>): string =>
  typeof label === 'string' ? label : (label.en ?? Object.values(label)[0] ?? '')

/**
 * The admin's landing page: what the signed-in person has to do today, by role (questions to answer, drafts to
 * sign off or fix, reviews falling due, overdue actions, newsletters going out), each item linking to its record,
 * then the collections they work on.
 */
export const WorkDashboard = async (view: AdminViewServerProps & { navGroups?: NavGroup[] }) => {
  const { req } = view.initPageResult
  const adminRoute = view.payload.config.routes.admin
  const sections = req.user ? await workFor({ req }) : []
  const roles = assignedRoles(req.user as never).map((role) => ROLE_LABELS[role])
  return (
    <Gutter className="work-dashboard">
      <h1>Your work</h1>
      <p>
        Signed in as {(req.user as { name?: string } | null)?.name ?? 'you'}
        {roles.length ? ` (${roles.join(', ')})` : ''}. Times are UK time.
      </p>
      {sections.length ? (
        <div className="work-dashboard__sections">
          {sections.map((section) => (
            <Section adminRoute={adminRoute} key={section.key} section={section} />
          ))}
        </div>
      ) : (
        <p>Your role has no work lists. Use the navigation to open the records you work on.</p>
      )}
      {view.navGroups?.length ? (
        <nav aria-labelledby="work-dashboard-collections">
          <h2 id="work-dashboard-collections">Records you work on</h2>
          <ul className="work-dashboard__collections">
            {view.navGroups.flatMap((group) =>
              group.entities.map((entity) => (
                <li key={`${entity.type}-${entity.slug}`}>
                  <Link href={adminHref({ adminRoute, path: `/${entity.type}/${entity.slug}` })} prefetch={false}>
                    {labelOf(entity.label)}
                  </Link>
                </li>
              )),
            )}
          </ul>
        </nav>
      ) : null}
    </Gutter>
  )
}

const Section = ({ adminRoute, section }: { adminRoute: string; section: WorkSection }) => {
  const headingId = `work-${section.key}`
  return (
    <section aria-labelledby={headingId} className="work-dashboard__section">
      <h2 id={headingId}>{section.heading}</h2>
      {section.items.length ? (
        <ul>
          {section.items.map((item) => (
            <li key={item.id}>
              <Link href={adminHref({ adminRoute, path: item.href })} prefetch={false}>
                {item.label}
              </Link>
              <span className="work-dashboard__detail">{item.detail}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{section.empty}</p>
      )}
      {section.more ? (
        <p>
          <Link href={adminHref({ adminRoute, path: section.more.href })} prefetch={false}>
            {section.more.label}
          </Link>
        </p>
      ) : null}
    </section>
  )
}
