import type { Block } from 'payload'

import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

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

/** The rich text editor for guidance: the default toolbar plus the guidance blocks. */
export const guidanceEditor = () =>
  lexicalEditor({ features: ({ defaultFeatures }) => [...defaultFeatures, BlocksFeature({ blocks: GUIDANCE_BLOCKS })] })
