import type { NextConfig } from 'next'

import { withPayload } from '@payloadcms/next/withPayload'

const nextConfig: NextConfig = {
  // Express sets security headers and serves health checks; Next must not advertise itself.
  poweredByHeader: false,
  // The page cache stores pages as rendered and compresses each once for every later reader (src/lib/cache);
  // a body Next had gzipped for one client would reach others that never asked for gzip.
  compress: false,
  /**
   * The Express server starts Payload before Next and Next's routes reuse that instance. Loading Payload's
   * server packages from node_modules (not a bundled copy) keeps one copy of each class, so errors thrown by
   * our hooks are recognised by Payload's REST handler and keep their field details (and memory holds one copy).
   */
  serverExternalPackages: [
    'payload',
    '@payloadcms/db-mongodb',
    '@payloadcms/db-postgres',
    '@payloadcms/db-sqlite',
    '@payloadcms/drizzle',
    '@payloadcms/graphql',
    // Its limiters are shared with the server through the process, so both must load the same classes.
    'rate-limiter-flexible',
  ],
  // Route modules load when first asked for, not all at start: a web process that serves only the site never
  // holds the admin's code, and starts in less time. The first request to a route pays its load once.
  experimental: { preloadEntriesOnStart: false },
  // Lint and type checks run as their own steps, not inside every build.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
