import { expect } from 'vitest'

import type { SearchDocument, SearchEngine } from '../../src/lib/search/types'

/** A test search document: public, no care area and an address from its id unless given. */
export const searchDoc = (fields: Partial<SearchDocument> & Pick<SearchDocument, 'id' | 'title' | 'type'>): SearchDocument => ({
  audience: 'public',
  careArea: null,
  url: `/${fields.id.replace(':', '/')}`,
  ...fields,
})

/** Indexes a document whose body holds markup, and checks the snippet marks the match and shows the markup as text. */
export const expectSnippetEscapesHtml = async ({ engine }: { engine: SearchEngine }) => {
  await engine.upsert([
    searchDoc({
      id: 'pages:30',
      type: 'tip',
      title: 'Hypo treatment',
      body: 'Never paste <script>alert(1)</script> into the glucagon form & keep kits ready.',
    }),
  ])
  const [hit] = (await engine.search({ q: 'glucagon', viewer: 'public' })).hits
  expect(hit.id).toBe('pages:30')
  expect(hit.snippet).toContain('<mark>glucagon</mark>')
  expect(hit.snippet).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  expect(hit.snippet).not.toContain('<script>')
  expect(hit.snippet).toContain('&amp; keep')
}
