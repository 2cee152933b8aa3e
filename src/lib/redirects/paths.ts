import { serverURL } from '../env'
import { POLICY_KINDS } from '../policies/kinds'
import {
  ADMIN,
  API,
  ASK,
  ASSETS,
  CARE_AREAS,
  CONSULTATIONS,
  DOCUMENTS,
  FEEDBACK,
  GOVERNANCE,
  HEALTHZ,
  HOME,
  LOGIN,
  LOGOUT,
  NEWSLETTER,
  NEWSLETTERS,
  NEXT_ASSETS,
  PARLIAMENTARY_QUESTIONS,
  QUESTIONS_AND_ANSWERS,
  PREVIEW,
  READYZ,
  RECOMMENDATIONS,
  SEARCH,
  SITEMAP,
  TEN_TOP_TIPS,
  UPDATES,
  UPDATES_FEED,
} from '../routes'

// The hub's machinery and its own pages and forms, with everything below them: no redirect may take these.
const RESERVED_TREES = [
  ADMIN,
  API,
  ASSETS,
  NEXT_ASSETS,
  HEALTHZ,
  READYZ,
  LOGIN,
  LOGOUT,
  NEWSLETTER,
  PREVIEW,
  FEEDBACK,
  ASK,
  SEARCH,
  GOVERNANCE,
]
// The site's lists and feeds: reserved themselves; what lies below them is checked against live documents.
const RESERVED_PAGES = [
  HOME,
  CARE_AREAS,
  TEN_TOP_TIPS,
  UPDATES,
  UPDATES_FEED,
  CONSULTATIONS,
  PARLIAMENTARY_QUESTIONS,
  QUESTIONS_AND_ANSWERS,
  DOCUMENTS,
  RECOMMENDATIONS,
  NEWSLETTERS,
  SITEMAP,
  '/robots.txt',
  ...POLICY_KINDS.map((kind) => kind.path),
]

export const FROM_MAX = 500

/**
 * An old address as redirects store and look it up: the path alone (a full URL loses its site, a query or
 * fragment is dropped), percent-decoded where that is safe, lower case (the old site's server ignored case),
 * without a trailing slash. Null when it cannot be one: not a path, control characters, a malformed escape.
 */
export const normalisedPath = (value: unknown): null | string => {
  if (typeof value !== 'string') return null
  let text = value.trim()
  // Before URL parsing, which would quietly drop tabs and line breaks.
  if (!text || text.length > FROM_MAX || /[\u0000-\u001f\u007f]/.test(text)) return null
  if (/^https?:\/\//i.test(text)) {
    try {
      text = new URL(text).pathname
    } catch {
      return null
    }
  }
  text = text.replace(/[?#].*$/s, '')
  if (!text.startsWith('/') || text.startsWith('//') || text.includes('\\')) return null
  // Dot segments resolved, as a browser would before asking.
  text = new URL(text, 'http://hub.invalid').pathname
  let decoded: string
  try {
    decoded = decodeURIComponent(text)
  } catch {
    return null
  }
  if (/[\u0000-\u001f\u007f]/.test(decoded) || decoded.includes('\\')) return null
  const path = decoded.toLowerCase().replace(/\/+$/, '')
  return path || HOME
}

/** Whether a path is one of the hub's own (its machinery, forms and lists), which no redirect may take. */
export const isReservedPath = (path: string): boolean =>
  RESERVED_PAGES.includes(path) || RESERVED_TREES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))

// The hub's public origin, when one is configured (PUBLIC_URL).
const ownOrigin = (): null | string => {
  try {
    return serverURL() ? new URL(serverURL()).origin : null
  } catch {
    return null
  }
}

/**
 * A destination typed as an address, as stored: a path on this site (a full URL of this site becomes its path,
 * dot segments resolved) or an http(s) URL elsewhere. Null when it is neither: javascript:, protocol-relative,
 * a backslash (browsers read `/\\host` as another site), control characters or spaces.
 */
export const destinationUrl = (value: unknown): null | string => {
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (!text || text.length > 2000 || /[\u0000-\u001f\u007f\s\\]/.test(text)) return null
  try {
    if (text.startsWith('/')) {
      if (text.startsWith('//')) return null
      const local = new URL(text, 'http://hub.invalid')
      return `${local.pathname}${local.search}${local.hash}`
    }
    const url = new URL(text)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
    return url.origin === ownOrigin() ? `${url.pathname}${url.search}${url.hash}` : url.toString()
  } catch {
    return null
  }
}

/** The old address a stored destination would ask the hub for, when it is a path here; null for another site. */
export const localTarget = (destination: null | string | undefined): null | string =>
  destination?.startsWith('/') ? normalisedPath(destination) : null
