import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Updates } from './collections/updates'
import { Users } from './collections/users'
import { SiteSettings } from './globals/site-settings'
import { databaseAdapter } from './src/lib/db/adapter'
import { payloadLogger, payloadSecret, serverURL } from './src/lib/env'
import { jobsConfig } from './src/lib/jobs/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    avatar: 'default',
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js'),
    },
    meta: { titleSuffix: ' – Diabetes Network Hub' },
    user: Users.slug,
  },
  collections: [Users, Updates],
  db: databaseAdapter(),
  editor: lexicalEditor(),
  globals: [SiteSettings],
  graphQL: { disablePlaygroundInProduction: true },
  jobs: jobsConfig(),
  logger: payloadLogger(),
  // Refusals are expected traffic, not faults: keep them out of the error log.
  loggingLevels: {
    APIError: 'warn',
    AuthenticationError: 'info',
    Forbidden: 'info',
    LockedAuth: 'info',
    ValidationError: 'info',
  },
  secret: payloadSecret(),
  serverURL: serverURL(),
  sharp,
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
})
