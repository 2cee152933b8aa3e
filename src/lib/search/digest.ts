import { createHash } from 'node:crypto'

import type { SearchDocument } from './types'

const FIELDS = ['type', 'title', 'summary', 'body', 'url', 'careArea', 'audience', 'date'] as const

/**
 * A fingerprint of what the index holds for a document, compared with the database's version when reconciling,
 * so a missed update shows up even when the counts agree. Missing and empty fields are the same thing.
 */
export const digestOf = (doc: SearchDocument): string => {
  const hash = createHash('sha1')
  for (const field of FIELDS) hash.update(`${field}\u0000${doc[field] ?? ''}\u0001`)
  return hash.digest('base64url')
}
