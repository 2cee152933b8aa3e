import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import { cache } from 'react'

import type { Action, Meeting } from '@/payload-types'

import { ActionTable } from '@/components/site/ActionTable'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { DocumentLink } from '@/components/site/DocumentLink'
import { personLabel } from '@/components/site/GovernanceNames'
import { MinutesTag } from '@/components/site/GovernanceTags'
import { formatMeetingDay, formatMeetingTime } from '@/lib/governance/dates'
import { ATTENDANCE } from '@/lib/governance/options'
import { meetingPlace } from '@/lib/governance/place'
import { findGroup, findMeeting, meetingActions, minutesReadable } from '@/lib/governance/site'
import { GOVERNANCE, groupPath, meetingPath } from '@/lib/routes'
import { visibleDocuments } from '@/lib/site/content'
import { formatDate } from '@/lib/site/format'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ day: string; group: string }> }

const load = cache(async (slug: string, day: string) => {
  const { payload, user } = await currentViewer()
  const group = await findGroup({ payload, slug, user })
  const meeting = group ? await findMeeting({ day, group, payload, user }) : null
  return group && meeting ? { group, meeting } : null
})

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const { day, group: slug } = await params
  const found = await load(slug, day)
  if (!found) return {}
  return {
    alternates: { canonical: meetingPath({ day: found.meeting.day, group: found.group.slug }) },
    title: `${found.group.name}: ${formatMeetingDay({ startsAt: found.meeting.startsAt })}`,
  }
}

const paragraphs = (text?: null | string) =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, index) => <p key={index}>{part}</p>)

const Attendance = ({ meeting }: { meeting: Meeting }) => {
  const rows = meeting.attendance ?? []
  if (!rows.length) return null
  return (
    <section aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Attendance</h2>
      {ATTENDANCE.map(({ label, value }) => {
        const people = rows.filter((row) => row.attendance === value)
        if (!people.length) return null
        return (
          <div key={value}>
            <h3 className="nhsuk-heading-s">{label}</h3>
            <ul className="nhsuk-list">
              {people.map((row) => (
                <li key={row.id}>{personLabel({ organisation: row.organisation, person: row.person })}</li>
              ))}
            </ul>
          </div>
        )
      })}
      {meeting.quorum ? <p className="nhsuk-body-s">{meeting.quorum}</p> : null}
    </section>
  )
}

const Declarations = ({ meeting }: { meeting: Meeting }) => (
  <section aria-labelledby="declarations-heading">
    <h2 id="declarations-heading">Declarations of interest</h2>
    {meeting.declarations?.length ? (
      <ul className="nhsuk-list">
        {meeting.declarations.map((row) => (
          <li key={row.id}>
            {personLabel({ person: row.person })}: {row.interest}
            {row.agendaItem ? ` (item ${row.agendaItem})` : ''}
          </li>
        ))}
      </ul>
    ) : (
      <p>None recorded.</p>
    )}
  </section>
)

const AgendaItems = ({ actions, meeting }: { actions: Action[]; meeting: Meeting }) => (
  <section aria-labelledby="agenda-heading">
    <h2 id="agenda-heading">Agenda and minutes</h2>
    {(meeting.agendaItems ?? []).length ? (
      <ol className="nhsuk-list">
        {(meeting.agendaItems ?? []).map((item) => {
          const itemActions = actions.filter((action) => action.agendaItem === item.number)
          const papers = visibleDocuments(item.papers)
          return (
            <li className="nhsuk-u-margin-bottom-6" id={`item-${item.number}`} key={item.id}>
              <h3>
                {item.number}. {item.title}
              </h3>
              {papers.length ? (
                <>
                  <h4 className="nhsuk-heading-xs">Papers</h4>
                  <ul className="nhsuk-list">
                    {papers.map((paper) => (
                      <li key={paper.id}>
                        <DocumentLink document={paper} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {paragraphs(item.minute)}
              {item.decision ? (
                <div className="nhsuk-inset-text">
                  <span className="nhsuk-u-visually-hidden">Decision: </span>
                  <p>
                    <strong>RESOLVED:</strong> {item.decision}
                  </p>
                </div>
              ) : null}
              {itemActions.length ? (
                <ul className="nhsuk-list nhsuk-list--bullet">
                  {itemActions.map((action) => (
                    <li key={action.id}>
                      <a href={`#action-${action.id}`}>Action: {action.title}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          )
        })}
      </ol>
    ) : (
      <p>No agenda has been published.</p>
    )}
  </section>
)

const MeetingPage = async ({ params }: Props) => {
  const { day, group: slug } = await params
  const found = await load(slug, day)
  if (!found) notFound()
  const { group, meeting } = found
  const { payload, user } = await currentViewer()
  const readable = minutesReadable(meeting)
  const { broughtForward, raised } = readable ? await meetingActions({ meeting, payload, user }) : { broughtForward: [], raised: [] }
  const when = formatMeetingDay({ startsAt: meeting.startsAt })
  return (
    <>
      <Breadcrumbs
        items={[
          { href: GOVERNANCE, label: 'Network governance' },
          { href: groupPath({ slug: group.slug }), label: group.name },
        ]}
      />
      <h1>
        <span className="nhsuk-caption-l">{group.name}</span>
        Meeting of {when}
      </h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Date</dt>
          <dd className="nhsuk-summary-list__value">
            {when}
            {meeting.allDay
              ? null
              : `, ${formatMeetingTime({ at: meeting.startsAt })}${meeting.endsAt ? ` to ${formatMeetingTime({ at: meeting.endsAt })}` : ''}`}
            {meeting.provisional ? ` (provisional${meeting.dateNote ? `: ${meeting.dateNote}` : ''})` : null}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Where</dt>
          <dd className="nhsuk-summary-list__value">{meetingPlace(meeting)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Status</dt>
          <dd className="nhsuk-summary-list__value">
            {meeting.status === 'held' ? 'Held' : 'Scheduled'}
            {meeting.status === 'held' ? (
              <>
                {' '}
                <MinutesTag state={meeting.minutesStatus} />
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      {readable ? (
        <>
          {meeting.minutesStatus === 'unconfirmed' ? (
            <div className="nhsuk-warning-callout">
              <h2 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>
                  Unconfirmed minutes
                </span>
              </h2>
              <p>These minutes are circulated to members and are confirmed, or corrected, at the group’s next meeting.</p>
            </div>
          ) : null}
          {meeting.status === 'held' ? <Attendance meeting={meeting} /> : null}
          {meeting.status === 'held' ? <Declarations meeting={meeting} /> : null}
          <AgendaItems actions={raised} meeting={meeting} />
          {raised.length ? <ActionTable actions={raised} caption="Actions raised at this meeting" /> : null}
          {broughtForward.length ? (
            <ActionTable actions={broughtForward} caption="Actions carried forward to this meeting" showRaisedAt />
          ) : null}
          {meeting.nextMeetingDate || meeting.nextMeetingNote ? (
            <p>
              <strong>Next meeting:</strong> {meeting.nextMeetingDate ? formatDate(meeting.nextMeetingDate) : null}
              {meeting.nextMeetingDate && meeting.nextMeetingNote ? '. ' : null}
              {meeting.nextMeetingNote}
            </p>
          ) : null}
        </>
      ) : (
        <p>
          {meeting.status === 'held'
            ? 'The minutes of this meeting have not been approved yet.'
            : 'The agenda and papers will appear here.'}
        </p>
      )}
    </>
  )
}

export default MeetingPage
