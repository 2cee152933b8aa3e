/**
 * `npm run reindex`: rebuilds the search index from the database and reports how many published documents are
 * searchable. With Meilisearch configured that is the shared index every web process queries. The embedded index
 * lives inside each web process instead (built on start, then kept current from the change log), so here the
 * run only proves the content can be indexed; restart web processes to rebuild theirs.
 */
import { env, exitOnInvalidEnvironment } from '../src/lib/env'
import { selectSearchEngine } from '../src/lib/search/select-engine'
import { rebuildSearchIndex } from '../src/lib/search/sync'
import { bootPayload } from '../src/server/boot'

// A bad setting stops the command here, with one message naming it.
exitOnInvalidEnvironment()

const payload = await bootPayload({ cron: false })
try {
  const started = Date.now()
  const shared = Boolean(env().MEILISEARCH_HOST)
  const count = await rebuildSearchIndex({ engine: selectSearchEngine(), payload })
  console.log(`Indexed ${count} published documents in ${Date.now() - started} ms${shared ? ' into Meilisearch' : ''}.`)
  if (!shared)
    console.log(
      'Each web process holds its own index, built when it starts and kept current from content changes: restart them to rebuild now.',
    )
} finally {
  await payload.destroy()
}
process.exit(0)
