import type { Organisation, Person, Update } from '@/payload-types'

import { DetailArticle } from '@/components/site/DetailArticle'
import { DocumentList } from '@/components/site/DocumentLink'
import { RichTextContent } from '@/components/site/RichTextContent'
import { ShareLinks } from '@/components/site/ShareLinks'
import { ConsultationStatus } from '@/components/site/UpdateSummary'
import { updatePath, UPDATES } from '@/lib/routes'
import { visibleDocuments } from '@/lib/site/content'
import { formatDate, isoDay } from '@/lib/site/format'
import { absoluteUrl } from '@/lib/site/urls'

const people = (values: unknown): Person[] =>
  Array.isArray(values) ? values.filter((value): value is Person => typeof value === 'object' && value !== null && 'name' in value) : []

const personLine = (person: Person) => {
  const organisation = typeof person.organisation === 'object' && person.organisation ? (person.organisation as Organisation).name : null
  return [person.name, person.jobTitle, organisation].filter(Boolean).join(', ')
}

/** A network update or consultation as the public reads it, at its address and in the staff preview. */
export const UpdateArticle = ({ update }: { update: Update }) => {
  const path = updatePath({ slug: update.slug })
  const feedbackTo = people([update.consultation?.feedbackTo])[0]
  const contacts = people(update.contacts)
  return (
    <DetailArticle listing={{ href: UPDATES, label: 'Network updates' }}>
      <h1>{update.title}</h1>
      <p className="nhsuk-body-s">
        <time dateTime={isoDay(update.date)}>{formatDate(update.date)}</time>
        {update.from ? ` · From ${update.from}` : null}
      </p>
      <ConsultationStatus update={update} />
      {update.isConsultation ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <h2 className="nhsuk-heading-s">How to respond</h2>
          {update.consultation?.feedbackInstructions ? <p>{update.consultation.feedbackInstructions}</p> : null}
          {feedbackTo ? <p>Send feedback to: {personLine(feedbackTo)}</p> : null}
          {update.consultation?.feedbackUrl ? (
            <p>
              <a href={update.consultation.feedbackUrl}>Respond online</a>
            </p>
          ) : null}
        </div>
      ) : null}
      {update.summary ? <p className="nhsuk-lede-text">{update.summary}</p> : null}
      <RichTextContent value={update.body as never} />
      <DocumentList documents={visibleDocuments(update.attachments)} heading="Attachments" />
      {contacts.length ? (
        <section aria-labelledby="contacts-heading">
          <h2 id="contacts-heading">Contacts</h2>
          <ul className="nhsuk-list">
            {contacts.map((person) => (
              <li key={person.id}>{personLine(person)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <ShareLinks title={update.title} url={absoluteUrl(path)} />
    </DetailArticle>
  )
}
