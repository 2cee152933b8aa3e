/**
 * `npm run build`: the server bundle (always, ~1 s) and the Next.js site.
 *   --if-stale     rebuild the site only when its sources changed (used by `npm start`)
 *   --server-only  skip the site (the worker, seed and migrate commands need only the server bundle)
 */
import { ensureBuilt, nextBuild } from '../src/lib/build/next-build'
import { buildServer } from '../src/lib/build/server-build'

const root = process.cwd()
const flags = new Set(process.argv.slice(2))

await buildServer({ root })
if (flags.has('--server-only')) {
  // nothing more
} else if (flags.has('--if-stale')) {
  await ensureBuilt({ log: (message) => console.log(message), root })
} else {
  await nextBuild({ root })
}
