import type { Field, FieldHook } from 'payload'

export const slugify = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)

const fillSlug =
  ({ from }: { from: string }): FieldHook =>
  ({ data, value }) => {
    if (typeof value === 'string' && value.trim()) return slugify(value)
    const source = data?.[from]
    return typeof source === 'string' ? slugify(source) : value
  }

/**
 * A URL slug, filled from another field when left empty. Unique across the collection unless the
 * collection checks uniqueness within a narrower scope itself (guidance pages: among siblings).
 */
export const slugField = ({ from = 'title', unique = true }: { from?: string; unique?: boolean } = {}): Field => ({
  name: 'slug',
  type: 'text',
  admin: { description: `Part of the web address. Filled from the ${from} when left empty.`, position: 'sidebar' },
  hooks: { beforeValidate: [fillSlug({ from })] },
  index: true,
  maxLength: 120,
  required: true,
  unique,
})
