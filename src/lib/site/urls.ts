import { env, serverURL } from '../env'

/** Absolute address for canonical links, feeds and sitemaps; PUBLIC_URL in production. */
export const siteOrigin = (): string => (serverURL() || `http://${env().HOST}:${env().PORT}`).replace(/\/$/, '')

export const absoluteUrl = (path: string): string => `${siteOrigin()}${path.startsWith('/') ? path : `/${path}`}`

/** Only same-site paths may be redirected to (no //host or scheme), so a form cannot bounce visitors elsewhere. */
export const safeReturnPath = (value: unknown, fallback = '/'): string =>
  typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback
