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

/** What the index stores of each document for filtering and facets (MiniSearch storeFields). */
type Stored = { audience: string; careArea?: null | string; type: string }

/** One index term a query word reached (itself, a longer word it prefixes, or a near spelling) and its weight. */
type Derived = { data: TermData; term: string; weight: number }

export type ScoredHit = {
  id: string
  /** Index term → fields it was found in, for this hit only. */
  match: Record<string, string[]>
  score: number
}

export type Scored = {
  /** Every visible match within the type and care-area filters. */
  total: number
  /** Facet counts over the visible matches, each under the other facet's filter. */
  facets: { careArea: Record<string, number>; type: Record<string, number> }
  hits: ScoredHit[]
}

export type ScoreQuery = {
  /** Changes whenever the index does (the engine's write counter). */
  generation: number
  limit: number
  offset: number
  /** The query and its synonym variants, ORed; the words within each are ANDed. */
  query: string[]
  /** Only documents stored with this audience, or every audience when null. */
  audience: null | string
  careArea?: string
  type?: string
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

/** Small integer codes for a stored field's values (0 for none), so filters and facet counts compare numbers. */
const createCodes = () => {
  const codes = new Map<string, number>()
  const names: string[] = ['']
  return {
    codeOf: (value: null | string | undefined) => {
      if (value == null) return 0
      let code = codes.get(value)
      if (code === undefined) {
        codes.set(value, (code = names.length))
        names.push(value)
      }
      return code
    },
    /** The code of a value to filter on: -1 for no filter, a code no document has when no document has it. */
    wanted: (value: string | undefined) => (value === undefined ? -1 : (codes.get(value) ?? names.length)),
    /** Counts by code as an object keyed by value, in code order, leaving out none and zero. */
    named: (counts: Int32Array) => Object.fromEntries(names.flatMap((name, code) => (code && counts[code] ? [[name, counts[code]]] : []))),
    size: () => names.length,
  }
}

/**
 * A scorer bound to one MiniSearch index. Its working arrays are sized to the index and reused between
 * queries (one query at a time: the engine runs in a single thread and never awaits inside a search).
 * MiniSearch never reuses a short id, so they are sized to every document ever added since the process
 * started: about 90 bytes each, so 100,000 edits of indexed documents cost some 9 MB until the next start.
 */
export const createScorer = ({ index: miniSearch, options }: { index: MiniSearch; options: ScorerOptions }) => {
  const index = miniSearch as unknown as Internals
  const fields = Object.keys(options.boost).map((name) => ({ boost: options.boost[name], id: index._fieldIds[name], name }))

  let size = 0
  let stamp = 0
  // Per short id: the word pass, the variant (AND) pass and the query (OR) pass.
  let wordStamp = new Uint32Array(0)
  let wordScore = new Float64Array(0)
  let variantStamp = new Uint32Array(0)
  let variantScore = new Float64Array(0)
  let variantWords = new Uint16Array(0)
  let queryStamp = new Uint32Array(0)
  let queryScore = new Float64Array(0)
  let queryVariants = new Uint32Array(0)
  // Short ids in the order first reached: by the current word, by a variant's first word, by the query.
  let touched = new Int32Array(0)
  let candidates = new Int32Array(0)
  let union = new Int32Array(0)

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
    touched = new Int32Array(size)
    candidates = new Int32Array(size)
    union = new Int32Array(size)
    stamp = 0
    readFor = -1
  }

  // Read from the index once per change: field lengths (-1: no longer indexed) and stored fields as codes.
  let readFor = -1
  let lengths: Float64Array[] = []
  let audiences = createCodes()
  let types = createCodes()
  let careAreas = createCodes()
  let audienceOf = new Uint16Array(0)
  let typeOf = new Uint16Array(0)
  let careAreaOf = new Uint16Array(0)
  // Each posting's BM25+ score (document count and average lengths move with every write); keyed by
  // MiniSearch's own postings map, so a term it drops is dropped here too.
  let rawScores = new WeakMap<Postings, { raw: Float64Array; shortIds: Int32Array }>()

  const readIndex = ({ generation }: { generation: number }) => {
    if (generation === readFor) return
    lengths = fields.map(() => new Float64Array(size).fill(-1))
    audiences = createCodes()
    types = createCodes()
    careAreas = createCodes()
    audienceOf = new Uint16Array(size)
    typeOf = new Uint16Array(size)
    careAreaOf = new Uint16Array(size)
    for (const [shortId, perField] of index._fieldLength) {
      if (!index._documentIds.has(shortId)) continue
      fields.forEach((field, i) => (lengths[i][shortId] = perField[field.id] ?? 0))
      const stored = index._storedFields.get(shortId) as Stored | undefined
      audienceOf[shortId] = audiences.codeOf(stored?.audience)
      typeOf[shortId] = types.codeOf(stored?.type)
      careAreaOf[shortId] = careAreas.codeOf(stored?.careArea)
    }
    rawScores = new WeakMap()
    readFor = generation
  }

  const rawScoresOf = ({ field, postings }: { field: number; postings: Postings }) => {
    let scored = rawScores.get(postings)
    if (scored) return scored
    const fieldLengths = lengths[field]
    const avgLength = index._avgFieldLength[fields[field].id]
    const documentCount = index._documentCount
    const shortIds = new Int32Array(postings.size)
    const raw = new Float64Array(postings.size)
    let n = 0
    // Documents discarded but not yet vacuumed do not count towards the term's frequency, as in MiniSearch.
    let matching = postings.size
    for (const [shortId, frequency] of postings) {
      const length = fieldLengths[shortId]
      if (length === undefined || length < 0) {
        matching--
        continue
      }
      const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5))
      shortIds[n] = shortId
      raw[n++] = idf * (D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * length) / avgLength)))
    }
    scored = { raw: raw.subarray(0, n), shortIds: shortIds.subarray(0, n) }
    rawScores.set(postings, scored)
    return scored
  }

  /** Scores one query word into wordScore and lists the short ids it reached in `touched`; returns how many. */
  const scoreWord = ({ derived }: { derived: Derived[] }): number => {
    let count = 0
    const current = ++stamp
    for (const { data, weight } of derived) {
      for (let f = 0; f < fields.length; f++) {
        const postings = data.get(fields[f].id)
        if (!postings) continue
        const { raw, shortIds } = rawScoresOf({ field: f, postings })
        const termWeight = weight * fields[f].boost
        for (let i = 0; i < shortIds.length; i++) {
          const shortId = shortIds[i]
          const score = termWeight * raw[i]
          if (wordStamp[shortId] === current) wordScore[shortId] += score
          else {
            wordStamp[shortId] = current
            wordScore[shortId] = score
            touched[count++] = shortId
          }
        }
      }
    }
    return count
  }

  return ({ audience, careArea, generation, limit, offset, query, type }: ScoreQuery): Scored => {
    fit()
    readIndex({ generation })
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

    let matched = 0
    const current = ++stamp
    variants.forEach((words, v) => {
      let reached = 0
      const variant = ++stamp
      for (const [position, word] of words.entries()) {
        const count = scoreWord({ derived: derivedOf(word) })
        if (position === 0) {
          candidates.set(touched.subarray(0, count))
          reached = count
          for (let i = 0; i < count; i++) {
            const shortId = touched[i]
            variantStamp[shortId] = variant
            variantScore[shortId] = wordScore[shortId]
            variantWords[shortId] = 1
          }
          continue
        }
        for (let i = 0; i < count; i++) {
          const shortId = touched[i]
          if (variantStamp[shortId] !== variant || variantWords[shortId] !== position) continue
          variantScore[shortId] += wordScore[shortId]
          variantWords[shortId]++
        }
      }
      for (let i = 0; i < reached; i++) {
        const shortId = candidates[i]
        if (variantWords[shortId] !== words.length || variantStamp[shortId] !== variant) continue
        if (queryStamp[shortId] === current) {
          queryScore[shortId] += variantScore[shortId]
          queryVariants[shortId] |= 1 << v
        } else {
          queryStamp[shortId] = current
          queryScore[shortId] = variantScore[shortId]
          queryVariants[shortId] = 1 << v
          union[matched++] = shortId
        }
      }
    })

    // MiniSearch multiplies a match's score by how many distinct query words it matched.
    const qualityByMask = new Map<number, number>()
    const single = variants.length === 1 ? new Set(variants[0]).size || 1 : 0
    const qualityOf = (mask: number) => {
      if (single) return single
      let quality = qualityByMask.get(mask)
      if (quality === undefined) {
        const words = new Set(variants.filter((_, v) => mask & (1 << v)).flat())
        qualityByMask.set(mask, (quality = words.size || 1))
      }
      return quality
    }

    const audienceWanted = audience === null ? -1 : audiences.wanted(audience)
    const typeWanted = types.wanted(type)
    const careAreaWanted = careAreas.wanted(careArea)
    const typeCounts = new Int32Array(types.size())
    const careAreaCounts = new Int32Array(careAreas.size())
    // The best `offset + limit` matches, best first; equal scores keep the order documents were first matched.
    const wanted = offset + limit
    const best: { score: number; shortId: number }[] = []
    let total = 0
    for (let i = 0; i < matched; i++) {
      const shortId = union[i]
      if (audienceWanted !== -1 && audienceOf[shortId] !== audienceWanted) continue
      const inType = typeWanted === -1 || typeOf[shortId] === typeWanted
      const inArea = careAreaWanted === -1 || careAreaOf[shortId] === careAreaWanted
      if (inArea) typeCounts[typeOf[shortId]]++
      if (inType) careAreaCounts[careAreaOf[shortId]]++
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

    const hits = best.slice(offset).map(({ score, shortId }): ScoredHit => {
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
      return { id: String(index._documentIds.get(shortId)), match, score }
    })
    return { facets: { careArea: careAreas.named(careAreaCounts), type: types.named(typeCounts) }, hits, total }
  }
}
