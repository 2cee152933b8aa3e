import type { Field, FieldHook } from 'payload'

import { slugField as payloadSlugField } from 'payload'

/** The hub's slugs: accents dropped, "&" as "and", lower case, words joined by hyphens, at most 120 characters. */
export const slugify = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)

/**
 * Before validation: a slug typed by hand (or sent through the API) is normalised, and an empty one is made from
 * `from`. Payload's own generation runs later (beforeChange), alongside the required check, so a document
 * created through the API without a slug would otherwise be refused.
 */
const fillSlug =
  ({ from }: { from: string }): FieldHook =>
  ({ data, value }) => {
    if (typeof value === 'string' && value.trim()) return slugify(value)
    const source = data?.[from]
    return typeof source === 'string' ? slugify(source) : value
  }

/**
 * A URL slug, on Payload's slug field: made from another field when the document is created without one,
 * then kept (an address must not change when a title does), unless an editor unlocks it in the admin.
 * Unique across the collection unless the collection checks uniqueness within a narrower scope itself
 * (guidance pages: among siblings).
 */
export const slugField = ({ from = 'title', unique = true }: { from?: string; unique?: boolean } = {}): Field =>
  payloadSlugField({
    disableUnique: !unique,
    overrides: (row) => ({
      ...row,
      fields: row.fields.map((field) =>
        'name' in field && field.name === 'slug' && field.type === 'text'
          ? {
              ...field,
              admin: { ...field.admin, description: `Part of the web address. Made from the ${from} when left empty.` },
              hooks: { ...field.hooks, beforeValidate: [...(field.hooks?.beforeValidate ?? []), fillSlug({ from })] },
              maxLength: 120,
            }
          : field,
      ),
    }),
    slugify: ({ valueToSlugify }) => slugify(String(valueToSlugify ?? '')),
    useAsSlug: from,
  })
