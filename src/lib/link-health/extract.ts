import { plainTextOf } from '../richtext/build'

/** What one document holds: the addresses it links to and its words (for retired phone numbers). */
export type Found = { text: string[]; urls: string[] }

type Node = { children?: Node[]; fields?: { linkType?: string; url?: unknown }; type?: string }

// Addresses typed into plain text: up to whitespace or a character that cannot end one in prose.
const URL_IN_TEXT = /\b(?:https?:\/\/|tel:)[^\s<>"'()[\]{}]+/gi
const TRAILING_PUNCTUATION = /[.,;:!?]+$/
const URL_MAX = 2000

const isRichText = (value: unknown): value is { root: Node } =>
  typeof value === 'object' && value !== null && typeof (value as { root?: { type?: unknown } }).root?.type === 'string'

/** Link and autolink nodes with an address of their own (internal links point at hub documents, not addresses). */
const richTextLinks = ({ root }: { root: Node }): string[] => {
  const urls: string[] = []
  const walk = (node: Node) => {
    if ((node.type === 'link' || node.type === 'autolink') && node.fields?.linkType !== 'internal' && typeof node.fields?.url === 'string')
      urls.push(node.fields.url)
    node.children?.forEach(walk)
  }
  walk(root)
  return urls
}

/** Addresses written out in plain text. */
export const urlsInText = ({ text }: { text: string }): string[] =>
  [...text.matchAll(URL_IN_TEXT)].map(([match]) => match.replace(TRAILING_PUNCTUATION, ''))

/**
 * Every address and every piece of text in a value read from the database: rich text (its links and words),
 * plain strings (an address field, or text with addresses in it), and the groups and lists around them.
 */
export const findInValue = ({ value }: { value: unknown }): Found => {
  const found: Found = { text: [], urls: [] }
  const visit = (item: unknown) => {
    if (typeof item === 'string') {
      found.text.push(item)
      found.urls.push(...urlsInText({ text: item }))
    } else if (isRichText(item)) {
      const text = plainTextOf({ value: item })
      found.urls.push(...richTextLinks(item), ...urlsInText({ text }))
      found.text.push(text)
    } else if (Array.isArray(item)) item.forEach(visit)
    else if (item && typeof item === 'object') Object.values(item).forEach(visit)
  }
  visit(value)
  return found
}

/**
 * The address as the check stores it (no fragment: `#section` is never sent to the server), or null for one
 * that is not an http(s) or tel: address, or is too long to be real.
 */
export const normaliseUrl = ({ url }: { url: string }): null | string => {
  if (url.length > URL_MAX) return null
  try {
    const parsed = new URL(url.trim())
    if (parsed.protocol === 'tel:') return `tel:${parsed.pathname.replace(/[^\d+]/g, '')}`
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
    parsed.hash = ''
    return parsed.href
  } catch {
    return null
  }
}

/** An address outside the hub: http(s) and not on the hub's own origin (PUBLIC_URL), when that is known. */
export const isExternal = ({ ownOrigin, url }: { ownOrigin: string; url: string }): boolean => {
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false
    return !ownOrigin || parsed.origin !== new URL(ownOrigin).origin
  } catch {
    return false
  }
}

/** Hosts as compared here: lower case, without a trailing dot. */
export const hostOf = ({ url }: { url: string }): string => {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '')
  } catch {
    return ''
  }
}

/** `host` is `domain` or one of its subdomains. */
export const hostWithin = ({ domain, host }: { domain: string; host: string }): boolean => {
  const wanted = domain.trim().toLowerCase().replace(/\.$/, '')
  return Boolean(wanted) && (host === wanted || host.endsWith(`.${wanted}`))
}
