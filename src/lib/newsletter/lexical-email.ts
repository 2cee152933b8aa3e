import { absoluteUrl } from '../site/urls'
import { escapeHtml } from './escape'

/**
 * Rich text (Lexical's stored JSON) as email HTML with inline styles, and as plain text. Only the nodes the
 * newsletter editor offers are drawn; anything else contributes its text, or nothing. Every link is made
 * absolute, and only http(s) and mailto links survive.
 */
type LexicalNode = {
  children?: LexicalNode[]
  fields?: { doc?: { relationTo?: string; value?: unknown } | null; linkType?: string; url?: string }
  format?: number | string
  listType?: string
  tag?: string
  text?: string
  type: string
}

export type RichTextValue = { root?: LexicalNode } | null | undefined

/** Internal links resolved beforehand (the lookup is asynchronous), keyed by `internalLinkKey`. */
export type LinkResolver = (node: { relationTo?: string; value?: unknown }) => null | string

export const FONT = 'Arial, Helvetica, sans-serif'
export const COLOURS = { blue: '#005eb8', darkBlue: '#003087', grey: '#4c6272', paleGrey: '#f0f4f5', text: '#212b32', white: '#ffffff' }

const STYLE = {
  a: `color:${COLOURS.blue};text-decoration:underline;`,
  blockquote: `margin:0 0 16px 0;padding:0 0 0 16px;border-left:4px solid ${COLOURS.blue};`,
  h2: `margin:24px 0 12px 0;font-family:${FONT};font-size:22px;line-height:28px;font-weight:bold;color:${COLOURS.text};`,
  h3: `margin:20px 0 8px 0;font-family:${FONT};font-size:19px;line-height:26px;font-weight:bold;color:${COLOURS.text};`,
  h4: `margin:16px 0 8px 0;font-family:${FONT};font-size:17px;line-height:24px;font-weight:bold;color:${COLOURS.text};`,
  li: `margin:0 0 8px 0;font-family:${FONT};font-size:16px;line-height:24px;color:${COLOURS.text};`,
  list: 'margin:0 0 16px 0;padding:0 0 0 24px;',
  p: `margin:0 0 16px 0;font-family:${FONT};font-size:16px;line-height:24px;color:${COLOURS.text};`,
}

// Lexical's text format bits, outermost tag first.
const FORMATS: [bit: number, tag: string][] = [
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [8, 'u'],
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
]

export const internalLinkKey = ({ relationTo, value }: { relationTo?: string; value?: unknown }): string =>
  `${relationTo}:${typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value}`

/** A link's absolute address, or null when it is not one an email should carry. */
const linkTarget = ({ node, resolve }: { node: LexicalNode; resolve: LinkResolver }): null | string => {
  if (node.fields?.linkType === 'internal') return node.fields.doc ? resolve(node.fields.doc) : null
  const url = node.fields?.url?.trim() ?? ''
  if (url.startsWith('/') && !url.startsWith('//')) return absoluteUrl(url)
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : null
}

const htmlOf = ({ node, resolve }: { node: LexicalNode; resolve: LinkResolver }): string => {
  const inner = () => (node.children ?? []).map((child) => htmlOf({ node: child, resolve })).join('')
  switch (node.type) {
    case 'root':
      return inner()
    case 'text': {
      const format = typeof node.format === 'number' ? node.format : 0
      return FORMATS.reduceRight((html, [bit, tag]) => (format & bit ? `<${tag}>${html}</${tag}>` : html), escapeHtml(node.text ?? ''))
    }
    case 'linebreak':
      return '<br>'
    case 'tab':
      return ' '
    case 'paragraph':
      return (node.children ?? []).length ? `<p style="${STYLE.p}">${inner()}</p>` : ''
    case 'heading': {
      // The subject is the h1; headings in the text sit below it.
      const tag = node.tag === 'h3' || node.tag === 'h4' ? node.tag : 'h2'
      return `<${tag} style="${STYLE[tag]}">${inner()}</${tag}>`
    }
    case 'quote':
      return `<blockquote style="${STYLE.blockquote}"><p style="${STYLE.p}">${inner()}</p></blockquote>`
    case 'list': {
      const tag = node.listType === 'number' ? 'ol' : 'ul'
      return `<${tag} style="${STYLE.list}">${inner()}</${tag}>`
    }
    case 'listitem':
      return `<li style="${STYLE.li}">${inner()}</li>`
    case 'link':
    case 'autolink': {
      const href = linkTarget({ node, resolve })
      return href ? `<a href="${escapeHtml(href)}" style="${STYLE.a}">${inner()}</a>` : inner()
    }
    case 'horizontalrule':
      return `<hr style="border:0;border-top:1px solid #d8dde0;margin:24px 0;">`
    default:
      return inner()
  }
}

const plainOf = ({ depth = 0, node, resolve }: { depth?: number; node: LexicalNode; resolve: LinkResolver }): string => {
  const inner = () => (node.children ?? []).map((child) => plainOf({ depth, node: child, resolve })).join('')
  switch (node.type) {
    case 'root':
      return (node.children ?? [])
        .map((child) => plainOf({ node: child, resolve }).trim())
        .filter(Boolean)
        .join('\n\n')
    case 'text':
      return node.text ?? ''
    case 'linebreak':
      return '\n'
    case 'tab':
      return ' '
    case 'quote':
      return inner()
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')
    case 'list':
      return (node.children ?? [])
        .map((item, index) => {
          const nested = (item.children ?? []).filter((child) => child.type === 'list')
          const own = { ...item, children: (item.children ?? []).filter((child) => child.type !== 'list') }
          const bullet = node.listType === 'number' ? `${index + 1}.` : '-'
          const line = `${'  '.repeat(depth)}${bullet} ${plainOf({ depth, node: own, resolve })}`
          return [line, ...nested.map((list) => plainOf({ depth: depth + 1, node: list, resolve }))].join('\n')
        })
        .join('\n')
    case 'link':
    case 'autolink': {
      const href = linkTarget({ node, resolve })
      const text = inner()
      if (!href) return text
      const shown = href.replace(/^mailto:/i, '')
      return text.trim() === shown || text.trim() === href ? href : `${text} (${shown})`
    }
    case 'horizontalrule':
      return '---'
    default:
      return inner()
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
  return { html: htmlOf({ node: root, resolve }), text: plainOf({ node: root, resolve }) }
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
