import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { guardDocumentLocks } from './src/lib/access/locks'
import { contentEditor } from './src/lib/blocks'
import { databaseAdapter } from './src/lib/db/adapter'
import { payloadSecret, serverURL } from './src/lib/env'
import type { OptionalCapability } from './src/plugins'

import { hubPlugins } from './src/plugins'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// The database, the editor and the plugins: the core and one per capability (src/plugins), optional ones left out on request.
export const hubConfig = ({ without = [] }: { without?: OptionalCapability[] } = {}) =>
  buildConfig({
    admin: { importMap: { baseDir: dirname, importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js') } },
    db: databaseAdapter(),
    editor: contentEditor(),
    plugins: hubPlugins({ without }),
    secret: payloadSecret(),
    serverURL: serverURL(),
    sharp,
    // Types are regenerated on purpose (`npm run generate:types`), not by every process that starts Payload.
    typescript: { autoGenerate: false, outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  }).then(guardDocumentLocks)

export default hubConfig()
