import type { Page } from '../../payload-types'

import { diffWords } from 'diff'

import { plainTextOf } from '../richtext/build'
import { relationId } from '../site/format'

/** A run of words: unchanged, added in the draft, or removed from the published text. */
export type DiffPart = { change: 'added' | 'removed' | 'same'; text: string }

/** One field whose draft differs from what is published. */
export type FieldChange = { after: string; before: string; field: string; label: string; parts: DiffPart[] }

type Comparable = Partial<Page> | null | undefined

const idList = (value: unknown): string =>
  (Array.isArray(value) ? value : [])
    .map((entry) => relationId(entry))
    .filter((id) => id !== null)
    .map((id) => `#${id}`)
    .join(', ')

/**
 * What a clinical reviewer reads: each field as text (the body as its words, relations as the names or ids of
 * what they point at), so a change shows as words added and removed, not as rich-text structure.
 */
const FIELDS: { field: string; label: string; text: (page: Partial<Page>, names: (id: unknown) => string) => string }[] = [
  { field: 'title', label: 'Title', text: (page) => page.title ?? '' },
  { field: 'summary', label: 'Summary', text: (page) => page.summary ?? '' },
  {
    field: 'audience',
    label: 'Audience',
    text: (page) => (page.audience === 'professional' ? 'Health and care professionals' : 'Everyone'),
  },
  { field: 'careArea', label: 'Care area', text: (page, names) => names(page.careArea) },
  { field: 'parent', label: 'Parent page', text: (page, names) => names(page.parent) },
  { field: 'body', label: 'Body', text: (page) => plainTextOf({ value: page.body }) },
  { field: 'relatedDocuments', label: 'Related documents', text: (page) => idList(page.relatedDocuments) },
  { field: 'review.nextReviewDue', label: 'Next review due', text: (page) => (page.review?.nextReviewDue ?? '').slice(0, 10) },
  { field: 'review.contentOwner', label: 'Content owner', text: (page, names) => names(page.review?.contentOwner) },
]

/** A populated relation's title or name; an unpopulated one's id. */
const nameOf = (value: unknown): string => {
  if (value && typeof value === 'object') {
    const record = value as { name?: string; title?: string }
    return record.title ?? record.name ?? `#${relationId(value)}`
  }
  const id = relationId(value)
  return id === null ? '' : `#${id}`
}

/**
 * The fields where the draft differs from the published version, word by word. With nothing published yet
 * every filled field is new.
 */
export const draftChanges = ({ draft, published }: { draft: Comparable; published: Comparable }): FieldChange[] =>
  FIELDS.flatMap(({ field, label, text }) => {
    const before = published ? text(published, nameOf) : ''
    const after = draft ? text(draft, nameOf) : ''
    if (before === after) return []
    const parts = diffWords(before, after).map((part): DiffPart => ({
      change: part.added ? 'added' : part.removed ? 'removed' : 'same',
      text: part.value,
    }))
    return [{ after, before, field, label, parts }]
  })
