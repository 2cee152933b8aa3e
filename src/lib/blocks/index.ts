import type { FeatureProviderServer } from '@payloadcms/richtext-lexical'
import type { Block } from 'payload'

import { BlocksFeature, lexicalEditor, LinkFeature } from '@payloadcms/richtext-lexical'

/** Reusable blocks for guidance rich text. Slugs are the names the site renderer switches on. */
export const CalloutBlock: Block = {
  slug: 'callout',
  fields: [
    {
      name: 'variant',
      type: 'select',
      defaultValue: 'information',
      options: [
        { label: 'Information', value: 'information' },
        { label: 'Important', value: 'warning' },
      ],
      required: true,
    },
    { name: 'heading', type: 'text', maxLength: 120 },
    { name: 'text', type: 'textarea', maxLength: 2000, required: true },
  ],
  interfaceName: 'CalloutBlock',
}

export const DocumentLinkBlock: Block = {
  slug: 'documentLink',
  fields: [{ name: 'document', type: 'relationship', relationTo: 'documents', required: true }],
  interfaceName: 'DocumentLinkBlock',
  labels: { plural: 'Document links', singular: 'Document link' },
}

export const ContentsListBlock: Block = {
  slug: 'contentsList',
  fields: [
    {
      name: 'note',
      type: 'text',
      admin: { description: "Lists the page's headings automatically; nothing to fill in." },
      maxLength: 1,
    },
  ],
  interfaceName: 'ContentsListBlock',
  labels: { plural: 'Contents lists', singular: 'Contents list' },
}

export const RelatedPagesBlock: Block = {
  slug: 'relatedPages',
  fields: [
    { name: 'heading', type: 'text', defaultValue: 'Related pages', maxLength: 120 },
    { name: 'pages', type: 'relationship', hasMany: true, maxRows: 10, relationTo: 'pages', required: true },
  ],
  interfaceName: 'RelatedPagesBlock',
  labels: { plural: 'Related pages', singular: 'Related pages' },
}

export const CommissioningTipsBlock: Block = {
  slug: 'commissioningTips',
  fields: [{ name: 'heading', type: 'text', defaultValue: 'Ten top tips for commissioning', maxLength: 120 }],
  interfaceName: 'CommissioningTipsBlock',
  labels: { plural: 'Commissioning tips lists', singular: 'Ten top tips' },
}

export const GUIDANCE_BLOCKS = [CalloutBlock, DocumentLinkBlock, ContentsListBlock, RelatedPagesBlock, CommissioningTipsBlock]

/**
 * What rich text may link to inside the hub: published content every hub has. Not accounts, questions,
 * subscribers or other records (the default offers every collection), and not a capability a hub may leave out.
 */
export const LINKABLE_COLLECTIONS = ['pages', 'care-areas', 'documents', 'updates', 'parliamentary-questions'] as const

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- feature providers of every props type
const withContentLinks = (features: FeatureProviderServer<any, any, any>[]): FeatureProviderServer<any, any, any>[] => [
  ...features.filter((feature) => feature.key !== 'link'),
  LinkFeature({ enabledCollections: [...LINKABLE_COLLECTIONS] }),
]

/** The rich text editor for content: the default toolbar, with links to the hub's content. */
export const contentEditor = () => lexicalEditor({ features: ({ defaultFeatures }) => withContentLinks(defaultFeatures) })

/** The rich text editor for guidance: the content editor plus the guidance blocks. */
export const guidanceEditor = () =>
  lexicalEditor({ features: ({ defaultFeatures }) => [...withContentLinks(defaultFeatures), BlocksFeature({ blocks: GUIDANCE_BLOCKS })] })
