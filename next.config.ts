import type { NextConfig } from 'next'

import { withPayload } from '@payloadcms/next/withPayload'

const nextConfig: NextConfig = {
  // Express sets security headers and serves health checks; Next must not advertise itself.
  poweredByHeader: false,
  // Lint and type checks run as their own steps, not inside every build.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
