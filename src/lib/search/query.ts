import type { SearchDocumentType, SearchQuery } from './types'

import { checkText } from '../input/text'

export const SEARCH_TYPES: SearchDocumentType[] = [
  'care-area',
  'guidance',
  'answer',
  'tip',
  'update',
  'consultation',
  'question',
  'document',
  'minutes',
  'recommendation',
]

export const SEARCH_TYPE_LABELS: Record<SearchDocumentType, string> = {
  answer: 'Question and answer',
  'care-area': 'Care area',
  consultation: 'Consultation',
  document: 'Document',
  guidance: 'Guidance',
  minutes: 'Meeting minutes',
  question: 'Parliamentary question',
  recommendation: 'Service review recommendation',
  tip: 'Commissioning tip',
  update: 'Network update',
}

export type ParsedSearch = { errors: { field: string; message: string }[]; query: Omit<SearchQuery, 'viewer'> }

const first = (value: null | string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''))

/** Search parameters from a query string, checked: the same rules for /search and /api/search. */
export const parseSearchParams = ({ get }: { get: (name: string) => null | string | string[] | undefined }): ParsedSearch => {
  const errors: ParsedSearch['errors'] = []
  const q = first(get('q')).trim()
  const qCharacters = checkText({ label: 'Search text', multiline: true, value: q })
  if (qCharacters !== true) errors.push({ field: 'q', message: qCharacters })
  else if (q.length > 200) errors.push({ field: 'q', message: 'Search for 200 characters or fewer' })
  const type = first(get('type')).trim()
  if (type && !SEARCH_TYPES.includes(type as SearchDocumentType))
    errors.push({ field: 'type', message: `type must be one of ${SEARCH_TYPES.join(', ')}` })
  const careArea = first(get('careArea')).trim()
  const careAreaCharacters = checkText({ label: 'careArea', value: careArea })
  if (careAreaCharacters !== true) errors.push({ field: 'careArea', message: careAreaCharacters })
  else if (careArea.length > 120) errors.push({ field: 'careArea', message: 'careArea is too long' })
  const pageText = first(get('page')).trim()
  const page = pageText ? Number(pageText) : 1
  if (!Number.isInteger(page) || page < 1 || page > 50) errors.push({ field: 'page', message: 'page must be a whole number from 1 to 50' })
  return {
    errors,
    query: {
      careArea: careArea || undefined,
      page: Number.isInteger(page) && page >= 1 ? page : 1,
      pageSize: 10,
      q,
      type: type || undefined,
    },
  }
}
