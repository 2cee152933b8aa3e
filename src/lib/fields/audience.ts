import type { Field } from 'payload'

export const AUDIENCES = [
  { label: 'Everyone', value: 'public' },
  { label: 'Health and care professionals (signed in)', value: 'professional' },
] as const

export type Audience = (typeof AUDIENCES)[number]['value']

/** Who may see a piece of content. Professional content is hidden from everyone else, as if it did not exist. */
export const audienceField = (): Field => ({
  name: 'audience',
  type: 'select',
  admin: {
    description: '"Health and care professionals": only signed-in professionals and staff see it; the public gets "page not found".',
    position: 'sidebar',
  },
  defaultValue: 'public',
  index: true,
  options: AUDIENCES.map((audience) => ({ ...audience })),
  required: true,
})
