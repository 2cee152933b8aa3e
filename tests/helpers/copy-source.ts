/**
 * Builds the SQLite database the db:copy test copies: run as its own process (`node --import tsx`), since one
 * process holds one Payload instance and the test process boots Payload on the PostgreSQL copy. Environment
 * (DATA_DIR, DATABASE_URL, PAYLOAD_SECRET…) comes from the test. Prints one line, `COPY-SOURCE <json>`.
 */
import { seed } from '../../seed'
import { CURRENT_WORDING } from '../../src/lib/newsletter/consent'
import { requestSubscription } from '../../src/lib/newsletter/subscription-lifecycle'
import { TOPIC_VALUES } from '../../src/lib/newsletter/topics'
import { digestOf } from '../../src/lib/search/digest'
import { createEmbeddedEngine } from '../../src/lib/search/embedded'
import { loadAllSearchDocuments } from '../../src/lib/search/source'
import { rebuildSearchIndex } from '../../src/lib/search/sync'
import { bootPayload } from '../../src/server/boot'
import { COPY_JOB_MESSAGE_ID, COPY_SEARCH_QUERIES, COPY_USER } from './copy-fixture'

const run = async () => {
  const payload = await bootPayload({ cron: false })
  await seed({ log: () => undefined, payload })
  const user = await payload.create({ collection: 'users', data: { ...COPY_USER, name: 'Copy Editor', roles: ['editor'] } })
  const area = (await payload.find({ collection: 'care-areas', depth: 0, limit: 1 })).docs[0]
  const review = { contentOwner: user.id, lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01' }
  const pageData = { audience: 'public' as const, careArea: area.id, review }

  // Never published, edited twice: three versions.
  const draft = await payload.create({
    collection: 'pages',
    data: { ...pageData, _status: 'draft', slug: 'copy-draft-page', summary: 'Kept as a draft', title: 'Draft page v1' },
    draft: true,
  })
  for (const title of ['Draft page v2', 'Draft page v3'])
    await payload.update({ collection: 'pages', data: { title }, draft: true, id: draft.id })
  // Published, then edited as a draft that is not yet published.
  const published = await payload.create({
    collection: 'pages',
    data: {
      ...pageData,
      _status: 'published',
      slug: 'retinopathy-screening',
      summary: 'Annual retinopathy screening for adults with diabetes',
      title: 'Retinopathy screening pathway',
    } as never,
  })
  await payload.update({
    collection: 'pages',
    data: { _status: 'draft', title: 'Retinopathy screening pathway (revised)' },
    draft: true,
    id: published.id,
  })

  const question = await payload.create({
    collection: 'questions',
    data: {
      email: 'asker@example.org',
      name: 'Alex Asker',
      question: 'Who runs retinopathy screening in the north of the region?',
    } as never,
  })
  await requestSubscription({
    email: 'copy.subscriber@example.org',
    payload,
    source: '/newsletter',
    topics: [TOPIC_VALUES[0]],
    wording: CURRENT_WORDING.signup,
  })
  const job = await payload.jobs.queue({
    input: { messageId: COPY_JOB_MESSAGE_ID, subject: 'Queued before the copy', text: 'Sent after the copy.', to: 'someone@example.org' },
    task: 'sendEmail',
  })
  await payload.kv.set('copy-test', { list: [1, 'two', { z: true, a: null }], when: '2026-12-01' })
  // Payload takes the preference's owner from the signed-in user.
  await payload.create({
    collection: 'payload-preferences',
    data: { key: 'copy-test', user: { relationTo: 'users', value: user.id }, value: { columns: ['title'] } },
    user: { ...user, collection: 'users' },
  })
  await payload.create({
    collection: 'payload-locked-documents',
    data: { document: { relationTo: 'pages', value: published.id }, user: { relationTo: 'users', value: user.id } },
  })

  const documents = await loadAllSearchDocuments({ payload })
  const engine = createEmbeddedEngine()
  await rebuildSearchIndex({ engine, payload })
  const hits: Record<string, string[]> = {}
  for (const q of COPY_SEARCH_QUERIES) {
    hits[q] = (await engine.search({ pageSize: 100, q, viewer: 'public' })).hits.map((hit) => hit.id).sort()
  }
  const summary = {
    draftId: draft.id,
    hits,
    jobId: job.id,
    publishedId: published.id,
    questionId: question.id,
    searchDocuments: documents.map((doc) => `${doc.id} ${digestOf(doc)}`).sort(),
    userId: user.id,
  }
  await payload.destroy()
  console.log(`COPY-SOURCE ${JSON.stringify(summary)}`)
}

await run()
process.exit(0)
