import type { Page } from '../../payload-types'

import { diffWords } from 'diff'

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

type RichNode = {
  children?: RichNode[]
  fields?: Record<string, unknown> & { blockType?: string; doc?: { relationTo?: string; value?: unknown }; url?: string }
  relationTo?: string
  text?: string
  type?: string
  value?: unknown
}

const BLOCK_LEVEL = new Set(['heading', 'listitem', 'paragraph', 'quote'])

/** A block's settings as text: each value, a relation by its id, so a block pointed elsewhere shows as changed. */
const blockFields = (fields: Record<string, unknown>): string =>
  Object.entries(fields)
    .filter(([name]) => name !== 'id' && name !== 'blockType' && name !== 'blockName')
    .map(([name, value]) => {
      const values = Array.isArray(value) ? value : [value]
      const shown = values.map((entry) => (entry && typeof entry === 'object' ? `#${relationId(entry)}` : String(entry ?? ''))).join(', ')
      return `${name}: ${shown}`
    })
    .join('; ')

/**
 * The body as a reviewer must compare it: its words, and also where each link goes, which image is shown and
 * what each block points at, which the words alone do not show.
 */
const bodyText = (node: RichNode | undefined): string => {
  if (!node) return ''
  const inner = (node.children ?? []).map(bodyText).join('')
  switch (node.type) {
    case 'text':
      return node.text ?? ''
    case 'linebreak':
      return '\n'
    case 'link':
    case 'autolink': {
      const target = node.fields?.url || (node.fields?.doc ? `${node.fields.doc.relationTo} #${relationId(node.fields.doc.value)}` : '')
      return `${inner} [link: ${target}]`
    }
    case 'upload':
      return `[image: ${node.relationTo} #${relationId(node.value)}]\n`
    case 'relationship':
      return `[${node.relationTo} #${relationId(node.value)}]\n`
    case 'block':
      return `[block ${node.fields?.blockType ?? ''}: ${blockFields(node.fields ?? {})}]\n`
    default:
      return BLOCK_LEVEL.has(node.type ?? '') ? `${inner}\n` : inner
  }
}

const richText = (value: unknown): string => bodyText((value as { root?: RichNode } | null | undefined)?.root).trim()

/**
 * What a clinical reviewer reads: each field as text (the body as its words, relations as the names or ids of
 * what they point at), so a change shows as words added and removed, not as rich-text structure.
 */
const FIELDS: { field: string; label: string; text: (page: Partial<Page>, names: (id: unknown) => string) => string }[] = [
  { field: 'title', label: 'Title', text: (page) => page.title ?? '' },
  { field: 'slug', label: 'Address (slug)', text: (page) => page.slug ?? '' },
  { field: 'summary', label: 'Summary', text: (page) => page.summary ?? '' },
  {
    field: 'audience',
    label: 'Audience',
    text: (page) => (page.audience === 'professional' ? 'Health and care professionals' : 'Everyone'),
  },
  { field: 'careArea', label: 'Care area', text: (page, names) => names(page.careArea) },
  { field: 'parent', label: 'Parent page', text: (page, names) => names(page.parent) },
  { field: 'order', label: 'Position among its sibling pages', text: (page) => String(page.order ?? '') },
  { field: 'body', label: 'Body', text: (page) => richText(page.body) },
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
