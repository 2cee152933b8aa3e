import type { SerializedBlockNode } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { PlaintextConverter, PlaintextConverters } from '@payloadcms/richtext-lexical/plaintext'

import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

/**
 * Tiny builders for rich text as Payload's Lexical editor stores it (serialized editor state), so seed and
 * import code can write content without an editor instance. Node shapes and versions follow what the
 * editor's own exportJSON produces (lexical, @lexical/list, @lexical/rich-text and Payload's link and block
 * nodes), so a document saved here opens in the admin unchanged.
 */

export type LexicalNode = { type: string; version: number; [key: string]: unknown }

export type RichText = {
  root: { type: 'root'; children: LexicalNode[]; direction: 'ltr'; format: ''; indent: 0; version: 1 }
}

/** A run of text inside a paragraph, heading or list item. */
export type TextRun = { bold?: boolean; text: string }

/** Inline content: a plain string, runs of (optionally bold) text, or ready-made inline nodes such as links. */
export type Inline = (LexicalNode | TextRun | string)[] | string

// Lexical's text format is a bit field; bold is the first bit.
const IS_BOLD = 1

const textNode = ({ bold = false, text }: TextRun): LexicalNode => ({
  detail: 0,
  format: bold ? IS_BOLD : 0,
  mode: 'normal',
  style: '',
  text,
  type: 'text',
  version: 1,
})

const isNode = (value: unknown): value is LexicalNode =>
  typeof value === 'object' && value !== null && typeof (value as LexicalNode).type === 'string'

const inlineNodes = ({ text }: { text: Inline }): LexicalNode[] =>
  (typeof text === 'string' ? [text] : text)
    .map((part) => (typeof part === 'string' ? textNode({ text: part }) : isNode(part) ? part : textNode(part)))
    .filter((node) => node.type !== 'text' || node.text !== '')

const element = ({ children, type, ...rest }: { children: LexicalNode[]; type: string; [key: string]: unknown }): LexicalNode => ({
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  type,
  version: 1,
  ...rest,
})

export const paragraph = ({ text }: { text: Inline }): LexicalNode => {
  const children = inlineNodes({ text })
  const first = children.find((node) => node.type === 'text')
  // The editor records the first text node's format on the paragraph (what new text typed there gets).
  return element({ children, textFormat: (first?.format as number | undefined) ?? 0, textStyle: '', type: 'paragraph' })
}

export const heading = ({ level, text }: { level: 'h2' | 'h3'; text: Inline }): LexicalNode =>
  element({ children: inlineNodes({ text }), tag: level, type: 'heading' })

const list = ({ items, listType }: { items: Inline[]; listType: 'bullet' | 'number' }): LexicalNode =>
  element({
    // Lexical numbers the items of every list, bulleted or not, from `start`.
    children: items.map((item, index) => element({ children: inlineNodes({ text: item }), type: 'listitem', value: index + 1 })),
    listType,
    start: 1,
    tag: listType === 'bullet' ? 'ul' : 'ol',
    type: 'list',
  })

export const bulletList = ({ items }: { items: Inline[] }): LexicalNode => list({ items, listType: 'bullet' })

export const numberedList = ({ items }: { items: Inline[] }): LexicalNode => list({ items, listType: 'number' })

// Payload gives links and blocks an ObjectID-style id (24 hex characters); any unique value of that form works.
const objectId = (): string =>
  Array.from(globalThis.crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('')

/** An external link (Payload's link node, version 3), to place inside a paragraph's inline content. */
export const link = ({ newTab = false, text, url }: { newTab?: boolean; text: Inline; url: string }): LexicalNode =>
  element({ children: inlineNodes({ text }), fields: { linkType: 'custom', newTab, url }, id: objectId(), type: 'link', version: 3 })

/** A link to a document of the hub (Payload's internal link), such as a library entry mentioned in the text. */
export const internalLink = ({ relationTo, text, value }: { relationTo: string; text: Inline; value: number | string }): LexicalNode =>
  element({
    children: inlineNodes({ text }),
    fields: { doc: { relationTo, value }, linkType: 'internal', newTab: false },
    id: objectId(),
    type: 'link',
    version: 3,
  })

/** A block from the BlocksFeature (Payload's block node, version 2). */
export const block = ({ blockType, fields = {} }: { blockType: string; fields?: Record<string, unknown> }): LexicalNode => ({
  fields: { blockType, id: objectId(), blockName: '', ...fields },
  format: '',
  type: 'block',
  version: 2,
})

export const richText = ({ children }: { children: LexicalNode[] }): RichText => ({
  root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
})

// Block fields that are bookkeeping rather than content.
const BLOCK_KEYS = new Set(['blockName', 'blockType', 'id'])

/** A block's own words (a callout's heading and text), each on its own line; ids and relationships are not words. */
const blockWords: PlaintextConverter<SerializedBlockNode> = ({ node }) => {
  const words = Object.entries(node.fields ?? {})
    .filter(([key, value]) => !BLOCK_KEYS.has(key) && typeof value === 'string' && value.trim())
    .map(([, value]) => value as string)
  return words.length ? `\n${words.join('\n')}\n` : ''
}

const SEARCH_CONVERTERS: PlaintextConverters = {
  // The converter looks blocks up by type; every type's words are found the same way.
  blocks: new Proxy({}, { get: () => blockWords }),
  // Paragraphs, headings and list items get their own lines from the converter; a quote does not.
  quote: ({ node, nodesToPlaintext }) => `\n${nodesToPlaintext({ nodes: node.children }).join('')}\n`,
}

/** The words of a rich text value, one line per paragraph, heading or list item. Empty for anything else. */
export const plainTextOf = ({ value }: { value: unknown }): string => {
  const root = (value as { root?: unknown } | null | undefined)?.root
  if (!isNode(root)) return ''
  return convertLexicalToPlaintext({ converters: SEARCH_CONVERTERS, data: { root } as unknown as SerializedEditorState })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
}
