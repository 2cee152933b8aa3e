import type { RequestHandler } from 'express'

/**
 * Content-Security-Policy for the site and the admin panel: same-origin everything, no framing, no plugins.
 * Next.js bootstraps hydration with inline scripts and the admin injects inline styles, so those two
 * allow 'unsafe-inline'; development also needs 'unsafe-eval' for fast refresh.
 */
export const contentSecurityPolicy = ({ dev }: { dev: boolean }): string =>
  [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ].join('; ')

/** The headers every answer carries, in the order sent; HSTS is added per request, over TLS only. */
export const securityHeaderPairs = ({ dev }: { dev: boolean }): [string, string][] => [
  ['Content-Security-Policy', contentSecurityPolicy({ dev })],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
]

export const HSTS: [string, string] = ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']

export const securityHeaders = ({ dev }: { dev: boolean }): RequestHandler => {
  const pairs = securityHeaderPairs({ dev })
  return (req, res, next) => {
    for (const [name, value] of pairs) res.setHeader(name, value)
    // HSTS only means something over TLS; req.secure honours X-Forwarded-Proto when TRUST_PROXY is set.
    if (req.secure) res.setHeader(...HSTS)
    next()
  }
}
