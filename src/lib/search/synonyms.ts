import type { Payload } from 'payload'

/** Words the network's readers use interchangeably; a query using one should find documents using another. */
export type SynonymGroup = string[]

/** What the search-settings global writes to the change log so every index reloads its synonyms. */
export const SYNONYMS_CHANGE = { collection: 'search-settings', id: 'synonyms' } as const

export const MAX_SYNONYM_GROUPS = 300
const MAX_TERM_LENGTH = 60

export const DEFAULT_SYNONYMS: SynonymGroup[] = [
  ['t2dm', 'type 2 diabetes', 'type ii diabetes'],
  ['t1dm', 'type 1 diabetes', 'type i diabetes'],
  ['hba1c', 'glycated haemoglobin', 'glycated hemoglobin'],
  ['ccg', 'icb', 'clinical commissioning group', 'integrated care board'],
  ['ltc', 'long-term condition', 'long term condition'],
  ['gp', 'general practitioner', 'general practice'],
  ['cgm', 'continuous glucose monitoring'],
  ['dka', 'diabetic ketoacidosis'],
]

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// Whole words only: 'icb' must not fire inside 'icbm', and a member may contain spaces or hyphens.
const wordPattern = (phrase: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'giu')

const MAX_VARIANTS = 16

/**
 * The query followed by its alternatives: each member of a matching group is replaced by every other member,
 * so 'T2DM foot care' also becomes 'type 2 diabetes foot care'. The caller ORs the returned queries.
 */
export const expandQuery = ({ q, synonyms = DEFAULT_SYNONYMS }: { q: string; synonyms?: SynonymGroup[] }): string[] => {
  const variants = [q]
  for (const group of synonyms) {
    // Longest member first, so 'long-term condition' wins over a shorter member inside it.
    const members = [...group].sort((a, b) => b.length - a.length)
    for (const variant of [...variants]) {
      const found = members.find((member) => wordPattern(member).test(variant))
      if (!found) continue
      for (const other of group) {
        if (other === found || variants.length >= MAX_VARIANTS) continue
        const replaced = variant.replace(wordPattern(found), other)
        if (!variants.some((v) => v.toLowerCase() === replaced.toLowerCase())) variants.push(replaced)
      }
    }
  }
  return variants
}

/** The distinct terms of one admin row, "T2DM, type 2 diabetes": trimmed, lower-cased, whitespace collapsed. */
export const parseSynonymTerms = ({ value }: { value: string }): string[] => [
  ...new Set(
    value
      .split(',')
      .map((term) => term.trim().replace(/\s+/g, ' ').toLowerCase())
      .filter(Boolean),
  ),
]

/** Why a row cannot be saved, or null when it can. */
export const synonymTermsError = ({ value }: { value: unknown }): null | string => {
  if (typeof value !== 'string' || !value.trim()) return 'Enter two or more terms, separated by commas'
  const terms = parseSynonymTerms({ value })
  if (terms.length < 2) return 'Enter at least two different terms, separated by commas'
  const long = terms.find((term) => term.length > MAX_TERM_LENGTH)
  if (long) return `Each term must be ${MAX_TERM_LENGTH} characters or fewer ("${long.slice(0, 20)}…" is longer)`
  return null
}

/**
 * The synonyms in force: as saved in the admin, or the built-in defaults while the settings were never saved
 * (an emptied list stays empty: that is a choice).
 */
export const loadSynonyms = async ({ payload }: { payload: Payload }): Promise<SynonymGroup[]> => {
  const settings = await payload.findGlobal({ slug: 'search-settings', depth: 0, overrideAccess: true })
  if (!settings.updatedAt) return DEFAULT_SYNONYMS
  return (settings.synonyms ?? []).map((row) => parseSynonymTerms({ value: row.terms })).filter((terms) => terms.length >= 2)
}
