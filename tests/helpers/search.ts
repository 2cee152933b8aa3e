import type { SearchDocument } from '../../src/lib/search/types'

/** A test search document: public, no care area and an address from its id unless given. */
export const searchDoc = (fields: Partial<SearchDocument> & Pick<SearchDocument, 'id' | 'title' | 'type'>): SearchDocument => ({
  audience: 'public',
  careArea: null,
  url: `/${fields.id.replace(':', '/')}`,
  ...fields,
})
