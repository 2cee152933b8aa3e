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

export const securityHeaders = ({ dev }: { dev: boolean }): RequestHandler => {
  const csp = contentSecurityPolicy({ dev })
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', csp)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('X-Frame-Options', 'SAMEORIGIN')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()')
    // HSTS only means something over TLS; req.secure honours X-Forwarded-Proto when TRUST_PROXY is set.
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    next()
  }
}
