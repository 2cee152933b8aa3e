import type { Metadata } from 'next'

import type { Group } from '@/payload-types'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { listGroups } from '@/lib/governance/site'
import { GOVERNANCE, groupPath, RECOMMENDATIONS } from '@/lib/routes'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { alternates: { canonical: GOVERNANCE }, title: 'Network governance' }

const GovernancePage = async () => {
  const { payload, user } = await currentViewer()
  const groups = await listGroups({ payload, user })
  return (
    <>
      <Breadcrumbs />
      <h1>Network governance</h1>
      <p className="nhsuk-lede-text">The groups that run the network, their meetings, minutes and actions.</p>
      <p>
        See also the <a href={RECOMMENDATIONS}>service review recommendations</a> and how far each has got.
      </p>
      {groups.length ? (
        <ul className="nhsuk-list nhsuk-list--border">
          {groups.map((group) => (
            <li key={group.id}>
              <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                <a href={groupPath({ slug: group.slug })}>{group.name}</a>
              </h2>
              {group.purpose ? <p className="nhsuk-u-margin-bottom-1">{group.purpose}</p> : null}
              {typeof group.parent === 'object' && group.parent ? (
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Reports to {(group.parent as Group).name}</p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>There are no groups to show.</p>
      )}
    </>
  )
}

export default GovernancePage
