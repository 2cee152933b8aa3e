import type { Field } from 'payload'

import { describe, expect, it } from 'vitest'

/**
 * Field names whose label says all there is to say. Any other field the admin shows carries a description, so
 * staff are not left to guess what it holds or what it changes; a new field fails here until it has one or is
 * added to this list.
 */
const SELF_EXPLANATORY = new Set([
  'answer',
  'at',
  'body',
  'by',
  'caption',
  'comment',
  'date',
  'day',
  'decision',
  'detail',
  'email',
  'heading',
  'interest',
  'intro',
  'jobTitle',
  'label',
  'name',
  'newsletter',
  'note',
  'number',
  'organisation',
  'page',
  'pageTitle',
  'parent',
  'person',
  'question',
  'reason',
  'reviewer',
  'sentAt',
  'siteName',
  'subject',
  'subscriber',
  'summary',
  'telephone',
  'text',
  'title',
  'url',
  'website',
])

// Payload's own bookkeeping (sign-in, sessions, locks, jobs) and the hub's machinery nobody edits.
const MACHINERY = new Set([
  'users.hash',
  'users.salt',
  'users.resetPasswordToken',
  'users.resetPasswordExpiration',
  'users.resetPasswordRequestedAt',
  'users.sessions',
])
const SKIPPED_ENTITIES = new Set(['search-changes', 'payload-jobs-stats'])

type AnyField = Field & {
  admin?: { description?: unknown; hidden?: boolean; readOnly?: boolean }
  fields?: Field[]
  name?: string
  tabs?: { fields: Field[]; name?: string }[]
}

/** Fields needing a description; the parts of a group or list that has one are explained by it. */
const undescribed = ({ entity, fields, prefix = '' }: { entity: string; fields: Field[]; prefix?: string }): string[] =>
  (fields as AnyField[]).flatMap((field) => {
    if (field.type === 'ui' || field.admin?.hidden) return []
    const path = field.name ? `${prefix}${field.name}` : prefix
    if (MACHINERY.has(`${entity}.${path}`)) return []
    if (field.name && field.admin?.description) return []
    const here = field.name && !field.name.startsWith('_') && !SELF_EXPLANATORY.has(field.name) ? [`${entity}.${path}`] : []
    const inner = field.fields ? undescribed({ entity, fields: field.fields, prefix: field.name ? `${path}.` : prefix }) : []
    const tabs = (field.tabs ?? []).flatMap((tab) =>
      undescribed({ entity, fields: tab.fields, prefix: tab.name ? `${path}${tab.name}.` : prefix }),
    )
    return [...here, ...inner, ...tabs]
  })

describe('the admin explains its fields', () => {
  it('every field whose meaning is not obvious from its name has a description', async () => {
    const config = await (await import('../../payload.config')).default
    const entities = [...config.collections, ...config.globals].filter(
      (entity) => !entity.slug.startsWith('payload-') && !SKIPPED_ENTITIES.has(entity.slug),
    )
    expect(entities.length).toBeGreaterThan(20)
    expect(entities.flatMap((entity) => undescribed({ entity: entity.slug, fields: entity.fields }))).toEqual([])
  })
})
