import type { FilterOptions, Payload, Where } from 'payload'

import type { Meeting, Page, Update } from '../../payload-types'

import { consultationIsOpen } from '../content/consultation'
import { meetingSearchDocument } from '../governance/search'
import { updatePath } from '../routes'
import { pagePathById } from '../site/content'
import { formatDate, relationId } from '../site/format'
import { absoluteUrl } from '../site/urls'

/**
 * What a newsletter can feature, and how each kind becomes an item. To feature another collection, add its
 * slug here and a case to `describeItem` (and regenerate types and migrations): nothing else changes.
 */
export const NEWSLETTER_ITEM_COLLECTIONS = ['updates', 'pages', 'meetings'] as const
export type NewsletterItemSource = (typeof NEWSLETTER_ITEM_COLLECTIONS)[number]

/** What a reader sees for one item, in the email and on the web version. Links are absolute. */
export type NewsletterItem = { kind: string; note?: string; summary: string; title: string; url: string }

const published: Where = { _status: { equals: 'published' } }

/** Only what the public may read can go out: the list is public, whoever subscribed. */
export const itemFilterOptions: FilterOptions = ({ relationTo }) => {
  if (relationTo === 'pages') return { and: [published, { audience: { equals: 'public' } }] }
  // Meetings have no drafts: their approved minutes, of groups the public may see, are what can be featured.
  if (relationTo === 'meetings') return { and: [{ minutesStatus: { equals: 'approved' } }, { 'group.visibility': { equals: 'public' } }] }
  return published
}

/** Meetings are featured by their approved minutes; everything else by its published version. */
const isPublished = ({ doc, relationTo }: { doc: unknown; relationTo: string }) =>
  relationTo === 'meetings' ? (doc as Meeting).minutesStatus === 'approved' : (doc as { _status?: string })._status === 'published'

const describeItem = async ({
  doc,
  payload,
  relationTo,
}: {
  doc: unknown
  payload: Payload
  relationTo: NewsletterItemSource
}): Promise<NewsletterItem | null> => {
  switch (relationTo) {
    case 'updates': {
      const update = doc as Update
      const deadline = update.consultation?.feedbackDeadline
      return {
        kind: update.isConsultation ? 'Consultation' : 'Network update',
        note:
          update.isConsultation && deadline
            ? `${consultationIsOpen({ deadline }) ? 'Respond by' : 'Closed on'} ${formatDate(deadline)}`
            : undefined,
        summary: update.summary ?? '',
        title: update.title,
        url: absoluteUrl(updatePath({ slug: update.slug })),
      }
    }
    case 'pages': {
      const page = doc as Page
      const path = await pagePathById({ id: page.id, payload, user: null })
      return path ? { kind: 'Guidance', summary: page.summary, title: page.title, url: absoluteUrl(path) } : null
    }
    case 'meetings': {
      // The same reading as search: approved minutes of a public group, or nothing.
      const minutes = meetingSearchDocument({ meeting: doc as Meeting })
      if (!minutes || minutes.audience !== 'public') return null
      const decisions = ((doc as Meeting).agendaItems ?? []).filter((item) => item.decision).length
      const summary = [minutes.summary, decisions ? `${decisions} decision${decisions === 1 ? '' : 's'} recorded.` : null]
        .filter(Boolean)
        .join(' ')
      return { kind: 'Meeting minutes', summary, title: minutes.title, url: absoluteUrl(minutes.url) }
    }
  }
}

const isItemSource = (value: unknown): value is NewsletterItemSource => (NEWSLETTER_ITEM_COLLECTIONS as readonly unknown[]).includes(value)

export type ItemReference = { relationTo: string; value: unknown }

/**
 * The items as the public would see them, in order. Each is read afresh as an anonymous visitor, so
 * a draft, withdrawn or professional-only item is left out (and listed in `missing`) rather than sent.
 */
export const loadNewsletterItems = async ({
  payload,
  references,
}: {
  payload: Payload
  references: ItemReference[] | null | undefined
}): Promise<{ items: NewsletterItem[]; missing: ItemReference[] }> => {
  const items: NewsletterItem[] = []
  const missing: ItemReference[] = []
  for (const reference of references ?? []) {
    const id = relationId(reference.value)
    const doc =
      isItemSource(reference.relationTo) && id !== null
        ? await payload
            // Meetings need their group (depth 1) to know its name, address and visibility.
            .findByID({
              collection: reference.relationTo,
              depth: reference.relationTo === 'meetings' ? 1 : 0,
              disableErrors: true,
              draft: false,
              id,
              overrideAccess: false,
            })
            .catch(() => null)
        : null
    const visible = doc && isPublished({ doc, relationTo: reference.relationTo })
    const item = visible ? await describeItem({ doc, payload, relationTo: reference.relationTo as NewsletterItemSource }) : null
    if (item) items.push(item)
    else missing.push({ relationTo: reference.relationTo, value: id })
  }
  return { items, missing }
}

/** The public address of a linked document (internal links in the introduction), or null when it is not public. */
export const publicUrlOf = async ({ payload, reference }: { payload: Payload; reference: ItemReference }): Promise<null | string> => {
  const { items } = await loadNewsletterItems({ payload, references: [reference] })
  return items[0]?.url ?? null
}
