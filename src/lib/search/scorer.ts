/**
 * Ranked search over MiniSearch's own postings that keeps only the page asked for.
 *
 * Hand-written because MiniSearch has no top-k: its search() builds an object per matching document (terms,
 * fields, stored fields) and sorts them all, which took 90 ms p95 for typed queries matching 7,000 of 10,000
 * guidance pages. This scores into typed arrays instead and materialises only the hits on the page. The
 * ranking is MiniSearch's own, term for term: BM25+ per field with its boosts, prefix and fuzzy weights, AND
 * between a query's words, OR across synonym variants, multiplied by the number of distinct query words
 * matched; tests/int/search-scorer.test.ts checks it against index.search(). It reads fields of minisearch
 * 7.2.0 (pinned in package.json) that the library does not document.
 */
import type MiniSearch from 'minisearch'

type Postings = Map<number, number> // short document id → term frequency in one field
type TermData = Map<number, Postings> // field id → postings

type Internals = {
  _avgFieldLength: number[]
  _documentCount: number
  _documentIds: Map<number, unknown>
  _fieldIds: Record<string, number>
  _fieldLength: Map<number, number[]>
  _index: {
    atPrefix: (prefix: string) => Iterable<[string, TermData]>
    fuzzyGet: (term: string, maxDistance: number) => Map<string, [TermData, number]>
    get: (term: string) => TermData | undefined
  }
  _nextId: number
  _storedFields: Map<number, Record<string, unknown> | undefined>
}

export type ScorerOptions = {
  boost: Record<string, number>
  fuzzy: (term: string) => false | number
  prefix: (term: string) => boolean
  processTerm: (term: string) => null | string
  tokenize: (text: string) => string[]
}

/** One index term a query word reached (itself, a longer word it prefixes, or a near spelling) and its weight. */
type Derived = { data: TermData; term: string; weight: number }

export type ScoredHit<Stored> = {
  id: string
  /** Index term → fields it was found in, for this hit only. */
  match: Record<string, string[]>
  score: number
  stored: Stored
}

export type Scored<Stored> = {
  /** Every visible match, passed through `keep` (the page's type and care-area filters). */
  total: number
  /** Facet counts over the visible matches, each under the other facet's filter. */
  facets: { careArea: Record<string, number>; type: Record<string, number> }
  hits: ScoredHit<Stored>[]
}

// MiniSearch's defaults (BM25+ k, b, d; prefix and fuzzy weights; the cap on edit distance).
const K = 1.2
const B = 0.7
const D = 0.5
const PREFIX_WEIGHT = 0.375
const FUZZY_WEIGHT = 0.45
const MAX_FUZZY = 6
// Synonym expansion yields at most 16 variants (synonyms.ts); each is a bit of a 32-bit mask.
const MAX_VARIANTS = 32

/** Every index term one query word reaches, in the order MiniSearch scores them. */
const derivedTerms = ({ index, options, word }: { index: Internals['_index']; options: ScorerOptions; word: string }): Derived[] => {
  const derived: Derived[] = []
  const exact = index.get(word)
  if (exact) derived.push({ data: exact, term: word, weight: 1 })
  const fuzzy = options.fuzzy(word)
  let near: Map<string, [TermData, number]> | undefined
  if (fuzzy) {
    const maxDistance = fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(word.length * fuzzy)) : fuzzy
    if (maxDistance) near = index.fuzzyGet(word, maxDistance)
  }
  if (options.prefix(word)) {
    for (const [term, data] of index.atPrefix(word)) {
      const distance = term.length - word.length
      if (!distance) continue
      near?.delete(term) // a word both prefixed and near is scored as a prefix, as MiniSearch does
      derived.push({ data, term, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance) })
    }
  }
  for (const [term, [data, distance]] of near ?? []) {
    if (distance) derived.push({ data, term, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance) })
  }
  return derived
}

/**
 * A scorer bound to one MiniSearch index. Its working arrays are sized to the index and reused between
 * queries (one query at a time: the engine runs in a single thread and search() never awaits).
 */
export const createScorer = <Stored>({ index: miniSearch, options }: { index: MiniSearch; options: ScorerOptions }) => {
  const index = miniSearch as unknown as Internals
  const fields = Object.keys(options.boost).map((name) => ({ boost: options.boost[name], id: index._fieldIds[name], name }))

  // Field lengths per short id (-1: no longer indexed), rebuilt when the index has changed since the last query.
  let lengths: Float64Array[] = []
  let lengthsFor = -1
  let stamp = 0
  let size = 0
  // Per short id: the word pass, the variant (AND) pass and the query (OR) pass.
  let wordStamp = new Uint32Array(0)
  let wordScore = new Float64Array(0)
  let variantStamp = new Uint32Array(0)
  let variantScore = new Float64Array(0)
  let variantWords = new Uint16Array(0)
  let queryStamp = new Uint32Array(0)
  let queryScore = new Float64Array(0)
  let queryVariants = new Uint32Array(0)

  const fit = () => {
    // Stamps are 32-bit: start again from zero long before they could wrap.
    if (stamp > 2 ** 32 - 1024) {
      for (const array of [wordStamp, variantStamp, queryStamp]) array.fill(0)
      stamp = 0
    }
    if (index._nextId <= size) return
    size = Math.max(index._nextId, size * 2, 1024)
    wordStamp = new Uint32Array(size)
    wordScore = new Float64Array(size)
    variantStamp = new Uint32Array(size)
    variantScore = new Float64Array(size)
    variantWords = new Uint16Array(size)
    queryStamp = new Uint32Array(size)
    queryScore = new Float64Array(size)
    queryVariants = new Uint32Array(size)
    stamp = 0
  }

  const refreshLengths = ({ generation }: { generation: number }) => {
    if (generation === lengthsFor && lengths.length) return
    lengths = fields.map(() => new Float64Array(size).fill(-1))
    for (const [shortId, perField] of index._fieldLength) {
      if (!index._documentIds.has(shortId)) continue
      fields.forEach((field, i) => (lengths[i][shortId] = perField[field.id] ?? 0))
    }
    lengthsFor = generation
  }

  /** Scores one query word into wordScore; returns the short ids it touched, in first-touch order. */
  const scoreWord = ({ derived }: { derived: Derived[] }): number[] => {
    const touched: number[] = []
    const current = ++stamp
    const documentCount = index._documentCount
    for (const { data, weight } of derived) {
      for (let f = 0; f < fields.length; f++) {
        const postings = data.get(fields[f].id)
        if (!postings) continue
        const fieldLengths = lengths[f]
        const avgLength = index._avgFieldLength[fields[f].id]
        const termWeight = weight * fields[f].boost
        // Documents discarded but not yet vacuumed do not count towards the term's frequency, as in MiniSearch.
        let matching = postings.size
        for (const [shortId, frequency] of postings) {
          const length = fieldLengths[shortId]
          if (length === undefined || length < 0) {
            matching--
            continue
          }
          const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5))
          const score = termWeight * (idf * (D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * length) / avgLength))))
          if (wordStamp[shortId] === current) wordScore[shortId] += score
          else {
            wordStamp[shortId] = current
            wordScore[shortId] = score
            touched.push(shortId)
          }
        }
      }
    }
    return touched
  }

  return ({
    generation,
    keep,
    limit,
    offset,
    query,
    visible,
    facetsOf,
  }: {
    /** Changes whenever the index does (the engine's write counter). */
    generation: number
    /** The page's own filters (type, care area), applied after facets are counted. */
    keep: { careArea: (stored: Stored) => boolean; type: (stored: Stored) => boolean }
    limit: number
    offset: number
    /** The query and its synonym variants, ORed; the words within each are ANDed. */
    query: string[]
    visible: (stored: Stored) => boolean
    facetsOf: (stored: Stored) => { careArea?: null | string; type: string }
  }): Scored<Stored> => {
    fit()
    refreshLengths({ generation })
    const variants = query.slice(0, MAX_VARIANTS).map((text) =>
      options
        .tokenize(text)
        .map((token) => options.processTerm(token))
        .filter((word): word is string => !!word),
    )
    const derivedByWord = new Map<string, Derived[]>()
    const derivedOf = (word: string) => {
      let derived = derivedByWord.get(word)
      if (!derived) derivedByWord.set(word, (derived = derivedTerms({ index: index._index, options, word })))
      return derived
    }

    const union: number[] = []
    const current = ++stamp
    variants.forEach((words, v) => {
      if (!words.length) return
      let candidates: number[] = []
      const variant = ++stamp
      for (const [position, word] of words.entries()) {
        const touched = scoreWord({ derived: derivedOf(word) })
        if (position === 0) {
          candidates = touched
          for (const shortId of touched) {
            variantStamp[shortId] = variant
            variantScore[shortId] = wordScore[shortId]
            variantWords[shortId] = 1
          }
          continue
        }
        for (const shortId of touched) {
          if (variantStamp[shortId] !== variant || variantWords[shortId] !== position) continue
          variantScore[shortId] += wordScore[shortId]
          variantWords[shortId]++
        }
      }
      for (const shortId of candidates) {
        if (variantWords[shortId] !== words.length || variantStamp[shortId] !== variant) continue
        if (queryStamp[shortId] === current) {
          queryScore[shortId] += variantScore[shortId]
          queryVariants[shortId] |= 1 << v
        } else {
          queryStamp[shortId] = current
          queryScore[shortId] = variantScore[shortId]
          queryVariants[shortId] = 1 << v
          union.push(shortId)
        }
      }
    })

    // MiniSearch multiplies a match's score by how many distinct query words it matched.
    const qualityByMask = new Map<number, number>()
    const qualityOf = (mask: number) => {
      let quality = qualityByMask.get(mask)
      if (quality === undefined) {
        const words = new Set<string>()
        variants.forEach((variantWords, v) => {
          if (mask & (1 << v)) for (const word of variantWords) words.add(word)
        })
        qualityByMask.set(mask, (quality = words.size || 1))
      }
      return quality
    }

    const facets: Scored<Stored>['facets'] = { careArea: {}, type: {} }
    // The best `offset + limit` matches, best first; equal scores keep the order documents were first matched.
    const wanted = offset + limit
    const best: { score: number; shortId: number }[] = []
    let total = 0
    for (const shortId of union) {
      const stored = index._storedFields.get(shortId) as Stored
      if (!visible(stored)) continue
      const inType = keep.type(stored)
      const inArea = keep.careArea(stored)
      const { careArea, type } = facetsOf(stored)
      if (inArea) facets.type[type] = (facets.type[type] ?? 0) + 1
      if (inType && careArea != null) facets.careArea[careArea] = (facets.careArea[careArea] ?? 0) + 1
      if (!inType || !inArea) continue
      total++
      if (!wanted) continue
      const score = queryScore[shortId] * qualityOf(queryVariants[shortId])
      if (best.length === wanted && score <= best[wanted - 1].score) continue
      let at = best.length
      while (at > 0 && best[at - 1].score < score) at--
      best.splice(at, 0, { score, shortId })
      if (best.length > wanted) best.pop()
    }

    const hits = best.slice(offset).map(({ score, shortId }): ScoredHit<Stored> => {
      // Only the words of the variants this document matched, as in MiniSearch's own match.
      const words = new Set(variants.filter((_, v) => queryVariants[shortId] & (1 << v)).flat())
      const match: Record<string, string[]> = {}
      for (const { data, term } of [...words].flatMap(derivedOf)) {
        for (const field of fields) {
          if (!data.get(field.id)?.has(shortId)) continue
          const found = (match[term] ??= [])
          if (!found.includes(field.name)) found.push(field.name)
        }
      }
      return { id: String(index._documentIds.get(shortId)), match, score, stored: index._storedFields.get(shortId) as Stored }
    })
    return { facets, hits, total }
  }
}
