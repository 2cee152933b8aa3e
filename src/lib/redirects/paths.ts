import { ADMIN, API, ASSETS, HEALTHZ, HOME, NEXT_ASSETS, READYZ } from '../routes'

// The hub's own machinery: an old address can never be one of these, and a redirect must never hide them.
const RESERVED = [ADMIN, API, ASSETS, NEXT_ASSETS, HEALTHZ, READYZ]

export const FROM_MAX = 500

/**
 * An old address as redirects store and look it up: the path alone (a full URL loses its site, a query or
 * fragment is dropped), percent-decoded where that is safe, lower case (the old site's server ignored case),
 * without a trailing slash. Null when it cannot be one: not a path, control characters, a malformed escape.
 */
export const normalisedPath = (value: unknown): null | string => {
  if (typeof value !== 'string') return null
  let text = value.trim()
  if (!text || text.length > FROM_MAX) return null
  if (/^https?:\/\//i.test(text)) {
    try {
      text = new URL(text).pathname
    } catch {
      return null
    }
  }
  text = text.replace(/[?#].*$/s, '')
  if (!text.startsWith('/') || text.startsWith('//')) return null
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

/** Whether a path belongs to the hub's machinery (admin, API, assets, health checks), which no redirect may take. */
export const isReservedPath = (path: string): boolean =>
  path === HOME || RESERVED.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))

/**
 * A destination typed as an address: a path on this site or an http(s) URL elsewhere. Null when it is neither
 * (javascript:, protocol-relative, control characters).
 */
export const destinationUrl = (value: unknown): null | string => {
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (!text || text.length > 2000 || /[\u0000-\u001f\u007f\s]/.test(text)) return null
  if (text.startsWith('/') && !text.startsWith('//')) return text
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null
  } catch {
    return null
  }
}
