import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import { cache } from 'react'

import type { Document, Group, Meeting, Person } from '@/payload-types'

import { ActionTable } from '@/components/site/ActionTable'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { DataTable } from '@/components/site/DataTable'
import { DocumentLink } from '@/components/site/DocumentLink'
import { personLabel } from '@/components/site/GovernanceNames'
import { MinutesTag } from '@/components/site/GovernanceTags'
import { formatMeetingDay, formatMeetingTime } from '@/lib/governance/dates'
import { meetingPlace } from '@/lib/governance/place'
import { findGroup, minutesReadable, openActions, pastMeetings, upcomingMeetings } from '@/lib/governance/site'
import { GOVERNANCE, groupCalendarPath, groupPath, meetingPath } from '@/lib/routes'
import { visibleDocuments } from '@/lib/site/content'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ group: string }> }

const bySlug = cache(async (slug: string) => {
  const { payload, user } = await currentViewer()
  return findGroup({ payload, slug, user })
})

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const group = await bySlug((await params).group)
  if (!group) return {}
  return { alternates: { canonical: groupPath({ slug: group.slug }) }, description: group.purpose ?? undefined, title: group.name }
}

/** ", 2:00pm · Watford General Hospital · In person" after the meeting's date (no time for a whole-day meeting). */
const MeetingDetails = ({ meeting }: { meeting: Meeting }) => (
  <>
    {meeting.allDay ? null : `, ${formatMeetingTime({ at: meeting.startsAt })}`}
    {` · ${meetingPlace(meeting)}`}
  </>
)

const GroupPage = async ({ params }: Props) => {
  const group = await bySlug((await params).group)
  if (!group) notFound()
  const { payload, user } = await currentViewer()
  const [upcoming, past, actions] = await Promise.all([
    upcomingMeetings({ group, payload, user }).then((meetings) => meetings.filter((meeting) => meeting.status !== 'held')),
    pastMeetings({ group, payload, user }),
    openActions({ group, payload, user }),
  ])
  const chairs = (group.chairs ?? []).filter((chair): chair is Person => typeof chair === 'object')
  const terms = visibleDocuments([group.termsOfReference])[0] as Document | undefined
  const parent = typeof group.parent === 'object' && group.parent ? (group.parent as Group) : null
  return (
    <>
      <Breadcrumbs items={[{ href: GOVERNANCE, label: 'Network governance' }]} />
      <h1>{group.name}</h1>
      {group.purpose ? <p className="nhsuk-lede-text">{group.purpose}</p> : null}
      <dl className="nhsuk-summary-list">
        {chairs.length ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{chairs.length > 1 ? 'Co-chairs' : 'Chair'}</dt>
            <dd className="nhsuk-summary-list__value">{chairs.map((person) => personLabel({ person })).join(' and ')}</dd>
          </div>
        ) : null}
        {parent ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Reports to</dt>
            <dd className="nhsuk-summary-list__value">
              <a href={groupPath({ slug: parent.slug })}>{parent.name}</a>
            </dd>
          </div>
        ) : null}
        {group.quorum ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Quorum</dt>
            <dd className="nhsuk-summary-list__value">{group.quorum} members</dd>
          </div>
        ) : null}
        {terms ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Terms of reference</dt>
            <dd className="nhsuk-summary-list__value">
              <DocumentLink document={terms} />
            </dd>
          </div>
        ) : null}
      </dl>

      <h2 id="upcoming">Upcoming meetings</h2>
      {upcoming.length ? (
        <ul className="nhsuk-list nhsuk-list--border">
          {upcoming.map((meeting) => (
            <li key={meeting.id}>
              <a href={meetingPath({ day: meeting.day, group: group.slug })}>{formatMeetingDay({ startsAt: meeting.startsAt })}</a>
              <MeetingDetails meeting={meeting} /> <strong className="nhsuk-tag nhsuk-tag--blue">Upcoming</strong>
              {meeting.provisional ? (
                <>
                  {' '}
                  <strong className="nhsuk-tag nhsuk-tag--orange">Provisional date</strong>
                </>
              ) : null}
              {meeting.dateNote ? <span className="nhsuk-body-s nhsuk-u-display-block">{meeting.dateNote}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No meetings are scheduled.</p>
      )}
      <p>
        <a href={groupCalendarPath({ slug: group.slug })}>Add the group’s meetings to your calendar</a> (iCalendar feed)
      </p>

      <h2 id="minutes">Past meetings and minutes</h2>
      {past.length ? (
        <ul className="nhsuk-list nhsuk-list--border">
          {past.map((meeting) => (
            <li key={meeting.id}>
              <strong>{formatMeetingDay({ startsAt: meeting.startsAt })}</strong>
              <MeetingDetails meeting={meeting} />
              <span className="nhsuk-u-display-block">
                {minutesReadable(meeting) ? (
                  <>
                    <a href={meetingPath({ day: meeting.day, group: group.slug })}>
                      Minutes of {formatMeetingDay({ startsAt: meeting.startsAt })}
                    </a>{' '}
                    <MinutesTag state={meeting.minutesStatus} />
                  </>
                ) : (
                  // The minutes' content is withheld from this visitor: say so without linking to it.
                  'Minutes not yet approved'
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>No meetings have been held yet.</p>
      )}

      {actions.length ? <ActionTable actions={actions} caption="Open actions" showRaisedAt /> : null}

      {group.members?.length ? (
        <DataTable
          caption="Members"
          columns={[{ label: 'Name' }, { label: 'Organisation' }, { label: 'Role in the group' }]}
          rows={group.members.map((member, index) => ({
            cells: [
              typeof member.person === 'object' ? (member.person as Person).name : '',
              typeof member.organisation === 'object' && member.organisation ? member.organisation.name : '',
              member.role,
            ],
            key: member.id ?? index,
          }))}
        />
      ) : null}
    </>
  )
}

export default GroupPage
