/**
 * `npm run reindex`: builds the search index from the database once and reports how many published documents
 * are searchable. The index itself lives inside each web process and is rebuilt there on start (then kept
 * current from the change log), so this checks the content can be indexed; restart web processes to rebuild theirs.
 */
import { createEmbeddedEngine } from '../src/lib/search/embedded'
import { rebuildSearchIndex } from '../src/lib/search/sync'
import { bootPayload } from '../src/server/boot'

const payload = await bootPayload({ cron: false })
try {
  const started = Date.now()
  const count = await rebuildSearchIndex({
    engine: createEmbeddedEngine(),
    payload,
  })
  console.log(`Indexed ${count} published documents in ${Date.now() - started} ms.`)
  console.log('Each web process holds its own index, built when it starts and kept current from content changes: restart them to rebuild now.')
} finally {
  await payload.destroy()
}
process.exit(0)
