import type { SerializedAutoLinkNode, SerializedLinkNode, SerializedListNode } from '@payloadcms/richtext-lexical'
import type { HTMLConverter, HTMLConverters } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState, SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'
import type { PlaintextConverter, PlaintextConverters } from '@payloadcms/richtext-lexical/plaintext'

import { convertLexicalToHTML, LinebreakHTMLConverter, TabHTMLConverter, TextHTMLConverter } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

import { escapeHtml } from '../html/escape'
import { absoluteUrl } from '../site/urls'

/**
 * Rich text (Lexical's stored JSON) as email HTML with inline styles, and as plain text, through Payload's
 * converters. Only what an email needs differently is converted here: every element carries its own style,
 * every link is made absolute, and only http(s) and mailto links survive. Nodes the newsletter editor does
 * not offer contribute their text, or nothing.
 */
type LexicalNode = {
  children?: LexicalNode[]
  fields?: { doc?: { relationTo?: string; value?: unknown } | null; linkType?: string; url?: string }
  type: string
}

export type RichTextValue = { root?: LexicalNode } | null | undefined

/** Internal links resolved beforehand (the lookup is asynchronous), keyed by `internalLinkKey`. */
export type LinkResolver = (node: { relationTo?: string; value?: unknown }) => null | string

export const FONT = 'Arial, Helvetica, sans-serif'
export const COLOURS = { blue: '#005eb8', darkBlue: '#003087', grey: '#4c6272', paleGrey: '#f0f4f5', text: '#212b32', white: '#ffffff' }

const LIST_STYLE = 'margin:0 0 16px 0;padding:0 0 0 24px;'

const STYLE = {
  a: `color:${COLOURS.blue};text-decoration:underline;`,
  blockquote: `margin:0 0 16px 0;padding:0 0 0 16px;border-left:4px solid ${COLOURS.blue};`,
  h2: `margin:24px 0 12px 0;font-family:${FONT};font-size:22px;line-height:28px;font-weight:bold;color:${COLOURS.text};`,
  h3: `margin:20px 0 8px 0;font-family:${FONT};font-size:19px;line-height:26px;font-weight:bold;color:${COLOURS.text};`,
  h4: `margin:16px 0 8px 0;font-family:${FONT};font-size:17px;line-height:24px;font-weight:bold;color:${COLOURS.text};`,
  li: `margin:0 0 8px 0;font-family:${FONT};font-size:16px;line-height:24px;color:${COLOURS.text};`,
  ol: LIST_STYLE,
  p: `margin:0 0 16px 0;font-family:${FONT};font-size:16px;line-height:24px;color:${COLOURS.text};`,
  ul: LIST_STYLE,
}

export const internalLinkKey = ({ relationTo, value }: { relationTo?: string; value?: unknown }): string =>
  `${relationTo}:${typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value}`

/** A link's absolute address, or null when it is not one an email should carry. */
const linkTarget = ({ fields, resolve }: { fields?: LexicalNode['fields']; resolve: LinkResolver }): null | string => {
  if (fields?.linkType === 'internal') return fields.doc ? resolve(fields.doc) : null
  const url = fields?.url?.trim() ?? ''
  if (url.startsWith('/') && !url.startsWith('//')) return absoluteUrl(url)
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : null
}

type NodesToHTML = (args: { nodes: SerializedLexicalNode[] }) => string[]

/** The node's children in one element that carries its own style, as email clients want. */
const styled = ({
  node,
  nodesToHTML,
  tag,
}: {
  node: { children?: SerializedLexicalNode[] }
  nodesToHTML: NodesToHTML
  tag: keyof typeof STYLE
}) => `<${tag} style="${STYLE[tag]}">${nodesToHTML({ nodes: node.children ?? [] }).join('')}</${tag}>`

const htmlConverters = ({ resolve }: { resolve: LinkResolver }): HTMLConverters => {
  const link: HTMLConverter<SerializedAutoLinkNode | SerializedLinkNode> = ({ node, nodesToHTML }) => {
    const href = linkTarget({ fields: node.fields, resolve })
    const inner = nodesToHTML({ nodes: node.children }).join('')
    return href ? `<a href="${escapeHtml(href)}" style="${STYLE.a}">${inner}</a>` : inner
  }
  return {
    // Text formats, escaping, line breaks and tabs need nothing email-specific.
    ...TextHTMLConverter,
    ...LinebreakHTMLConverter,
    ...TabHTMLConverter,
    autolink: link,
    // The subject is the h1; headings in the text sit below it.
    heading: ({ node, nodesToHTML }) => styled({ node, nodesToHTML, tag: node.tag === 'h3' || node.tag === 'h4' ? node.tag : 'h2' }),
    horizontalrule: '<hr style="border:0;border-top:1px solid #d8dde0;margin:24px 0;">',
    link,
    list: ({ node, nodesToHTML }) => styled({ node, nodesToHTML, tag: node.listType === 'number' ? 'ol' : 'ul' }),
    listitem: ({ node, nodesToHTML }) => styled({ node, nodesToHTML, tag: 'li' }),
    // An empty paragraph is the editor's blank line; in an email it would only add a gap.
    paragraph: ({ node, nodesToHTML }) => (node.children?.length ? styled({ node, nodesToHTML, tag: 'p' }) : ''),
    quote: ({ node, nodesToHTML }) => `<blockquote style="${STYLE.blockquote}">${styled({ node, nodesToHTML, tag: 'p' })}</blockquote>`,
    unknown: ({ node, nodesToHTML }) => nodesToHTML({ nodes: (node as { children?: SerializedLexicalNode[] }).children ?? [] }).join(''),
  }
}

type NodesToPlaintext = (args: { nodes: SerializedLexicalNode[] }) => string[]

/** A list as "- " or "1." lines, a nested list indented under its item. */
const listText = ({
  depth,
  node,
  nodesToPlaintext,
}: {
  depth: number
  node: SerializedListNode
  nodesToPlaintext: NodesToPlaintext
}): string =>
  node.children
    .map((item, index) => {
      const children = (item as { children?: SerializedLexicalNode[] }).children ?? []
      const bullet = node.listType === 'number' ? `${index + 1}.` : '-'
      const line = `${'  '.repeat(depth)}${bullet} ${nodesToPlaintext({ nodes: children.filter((child) => child.type !== 'list') }).join('')}`
      const nested = children
        .filter((child) => child.type === 'list')
        .map((list) => listText({ depth: depth + 1, node: list as SerializedListNode, nodesToPlaintext }))
      return [line, ...nested].join('\n')
    })
    .join('\n')

const plaintextConverters = ({ resolve }: { resolve: LinkResolver }): PlaintextConverters => {
  const link: PlaintextConverter<SerializedAutoLinkNode | SerializedLinkNode> = ({ node, nodesToPlaintext }) => {
    const href = linkTarget({ fields: node.fields, resolve })
    const text = nodesToPlaintext({ nodes: node.children }).join('')
    if (!href) return text
    // A bare address is shown once; otherwise the words are followed by where they lead.
    const shown = href.replace(/^mailto:/i, '')
    return text.trim() === shown || text.trim() === href ? href : `${text} (${shown})`
  }
  return {
    autolink: link,
    horizontalrule: '---',
    link,
    list: ({ node, nodesToPlaintext }) => listText({ depth: 0, node, nodesToPlaintext }),
    quote: ({ node, nodesToPlaintext }) =>
      nodesToPlaintext({ nodes: node.children })
        .join('')
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n'),
    tab: ' ',
  }
}

export const richTextToEmail = ({
  resolve = () => null,
  value,
}: {
  resolve?: LinkResolver
  value: RichTextValue
}): { html: string; text: string } => {
  const root = value?.root
  if (!root) return { html: '', text: '' }
  const state = (children?: LexicalNode[]) => ({ root: { ...root, children } }) as unknown as SerializedEditorState
  const converters = plaintextConverters({ resolve })
  return {
    html: convertLexicalToHTML({ converters: htmlConverters({ resolve }), data: state(root.children), disableContainer: true }),
    // Each top-level node on its own, so exactly one blank line sets them apart and empty ones leave no gap.
    text: (root.children ?? [])
      .map((child) => convertLexicalToPlaintext({ converters, data: state([child]) }).trim())
      .filter(Boolean)
      .join('\n\n'),
  }
}

/** Internal links the text contains, to resolve before rendering. */
export const internalLinks = (value: RichTextValue): { relationTo?: string; value?: unknown }[] => {
  const found: { relationTo?: string; value?: unknown }[] = []
  const walk = (node: LexicalNode) => {
    if ((node.type === 'link' || node.type === 'autolink') && node.fields?.linkType === 'internal' && node.fields.doc)
      found.push(node.fields.doc)
    node.children?.forEach(walk)
  }
  if (value?.root) walk(value.root)
  return found
}

/**
 * The same rich text with internal links turned into ordinary links to their public addresses (or into plain
 * text when the document is not public), for the site's own renderer on the web version.
 */
export const withResolvedLinks = ({ resolve, value }: { resolve: LinkResolver; value: RichTextValue }): RichTextValue => {
  const isInternal = (node: LexicalNode) => (node.type === 'link' || node.type === 'autolink') && node.fields?.linkType === 'internal'
  const rewrite = (node: LexicalNode): LexicalNode[] => {
    const children = node.children?.flatMap(rewrite)
    if (!isInternal(node)) return [children ? { ...node, children } : node]
    const url = node.fields?.doc ? resolve(node.fields.doc) : null
    // A link to something the public cannot read keeps its words and loses the link.
    return url ? [{ ...node, children, fields: { ...node.fields, doc: null, linkType: 'custom', url } }] : (children ?? [])
  }
  return value?.root ? { ...value, root: { ...value.root, children: value.root.children?.flatMap(rewrite) } } : value
}
