import type { CollectionBeforeValidateHook, CollectionSlug, Field, FieldHook } from 'payload'

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

/**
 * For collections whose documents are made by people who cannot see each other's addresses (a responder's
 * proposal): a slug another document already has gets the first free "-2", "-3"… instead of a refusal.
 */
export const distinctSlug =
  ({ collection }: { collection: CollectionSlug }): CollectionBeforeValidateHook =>
  async ({ data, originalDoc, req }) => {
    const slug = typeof data?.slug === 'string' ? data.slug : null
    if (!data || !slug || slug === originalDoc?.slug) return data
    const { docs } = await req.payload.find({
      collection,
      depth: 0,
      draft: true,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { slug: true } as never,
      where: { slug: { like: slug } },
    })
    const others = (docs as unknown as { id: unknown; slug?: unknown }[]).filter((doc) => String(doc.id) !== String(originalDoc?.id))
    const taken = new Set(others.map((doc) => String(doc.slug)))
    if (!taken.has(slug)) return data
    const base = slug.slice(0, 114)
    let n = 2
    while (taken.has(`${base}-${n}`)) n++
    return { ...data, slug: `${base}-${n}` }
  }
