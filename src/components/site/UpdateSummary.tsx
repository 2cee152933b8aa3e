import type { Update } from '@/payload-types'

import { consultationIsOpen } from '@/lib/content/consultation'
import { updatePath } from '@/lib/routes'
import { formatDate, isoDay } from '@/lib/site/format'

export const ConsultationStatus = ({ update }: { update: Pick<Update, 'consultation' | 'isConsultation'> }) => {
  if (!update.isConsultation) return null
  const deadline = update.consultation?.feedbackDeadline
  const open = consultationIsOpen({ deadline })
  return (
    <strong className={`nhsuk-tag ${open ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>
      {open ? 'Open' : 'Closed'} consultation
      {deadline ? (
        <>
          {open ? ': feedback by ' : ': closed '}
          <time dateTime={isoDay(deadline)}>{formatDate(deadline)}</time>
        </>
      ) : null}
    </strong>
  )
}

type HeadingLevel = 'h2' | 'h3'

/** One update in a list: title link, date, status and summary; its title a heading under the list's own. */
export const UpdateSummary = ({ heading: Heading = 'h2', update }: { heading?: HeadingLevel; update: Update }) => (
  <li className="nhsuk-u-margin-bottom-5">
    <Heading className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
      <a href={updatePath({ slug: update.slug })}>{update.title}</a>
    </Heading>
    <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
      <time dateTime={isoDay(update.date)}>{formatDate(update.date)}</time>
      {update.from ? ` · ${update.from}` : null}
    </p>
    <ConsultationStatus update={update} />
    {update.summary ? <p className="nhsuk-u-margin-top-2">{update.summary}</p> : null}
  </li>
)

/** A list of updates, or a sentence saying there are none: the updates page and both halves of the consultations page. */
export const UpdateList = ({ empty, heading, updates }: { empty: string; heading?: HeadingLevel; updates: Update[] }) =>
  updates.length ? (
    <ul className="nhsuk-list">
      {updates.map((update) => (
        <UpdateSummary heading={heading} key={update.id} update={update} />
      ))}
    </ul>
  ) : (
    <p>{empty}</p>
  )
