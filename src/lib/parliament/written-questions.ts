import { Parser } from 'htmlparser2'

/**
 * Turns UK Parliament Written Questions API JSON (questions-statements-api.parliament.uk) into data for the
 * `parliamentary-questions` collection. Pure: the caller reads the file and writes the documents, so this can
 * be tested without a database and never touches the network.
 */

export type ParliamentaryQuestionData = {
  uin: string | null
  heading: string
  house: 'Commons' | 'Lords' | null
  /** ISO date, YYYY-MM-DD. */
  dateAsked: string
  /** ISO date, YYYY-MM-DD, or null while unanswered. */
  dateAnswered: string | null
  askingMember: string | null
  answeringBody: string
  answeringMember: string | null
  question: string
  /** Plain text: paragraphs separated by a blank line, list items as lines starting with "- ". */
  answer: string | null
  /** Lower-case and de-duplicated. */
  tags: string[]
  sourceUrl: string | null
}

export type WrittenQuestionProblem = { index: number; message: string }

export type WrittenQuestionsImport = {
  questions: ParliamentaryQuestionData[]
  problems: WrittenQuestionProblem[]
}

type JsonObject = Record<string, unknown>

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

// ---------------------------------------------------------------------------------------------------------
// HTML to plain text
// ---------------------------------------------------------------------------------------------------------

// Elements that start a new block of text. Stripping them silently would glue neighbouring words together.
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
])

type Block = { kind: 'item' | 'paragraph'; text: string }

/** One block's text: whitespace collapsed inside each line, blank lines at the edges dropped, runs of them merged. */
const tidyBlockText = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()

/**
 * The API's answer HTML as plain text: paragraphs separated by a blank line, `<br>` as a line break, list
 * items as "- " lines (consecutive items on consecutive lines), every other tag stripped, entities decoded.
 */
export const htmlToPlainText = ({ html }: { html: string }): string => {
  const blocks: Block[] = []
  let current: Block | null = null
  // Script and style bodies are not text.
  let inScript = false

  const flush = () => {
    if (current) blocks.push(current)
    current = null
  }
  const append = (text: string) => {
    current ??= { kind: 'paragraph', text: '' }
    current.text += text
  }
  // "<li><p>text</p></li>" is common in pasted answers: the paragraph belongs to the item, not after it.
  const inEmptyItem = () => current?.kind === 'item' && current.text.trim() === ''

  // The parser decodes entities, drops comments and doctypes, and closes void and implied elements itself.
  const parser = new Parser({
    onclosetag: (name) => {
      if (name === 'script' || name === 'style') inScript = false
      // Keep table cells apart without inventing any layout.
      else if (name === 'td' || name === 'th') append(' ')
      else if (BLOCK_TAGS.has(name)) flush()
    },
    onopentag: (name) => {
      if (name === 'script' || name === 'style') inScript = true
      else if (name === 'br') append('\n')
      else if (name === 'li') {
        flush()
        current = { kind: 'item', text: '' }
      } else if (name === 'td' || name === 'th') append(' ')
      else if (BLOCK_TAGS.has(name) && !inEmptyItem()) flush()
    },
    // Source newlines and indentation are not significant in HTML.
    ontext: (text) => {
      if (!inScript) append(text.replace(/[ \t\n\r\f]+/g, ' '))
    },
  })
  parser.end(html)
  flush()

  let output = ''
  let previous: Block | null = null
  for (const block of blocks) {
    const text = tidyBlockText(block.text)
    if (!text) continue
    if (previous) output += previous.kind === 'item' && block.kind === 'item' ? '\n' : '\n\n'
    output += block.kind === 'item' ? `- ${text}` : text
    previous = block
  }
  return output
}

// ---------------------------------------------------------------------------------------------------------
// Field helpers
// ---------------------------------------------------------------------------------------------------------

/**
 * The calendar date of an API timestamp such as "2016-11-21T00:00:00". Read from the text rather than via
 * `new Date()`: the API gives UK local times without an offset, and a time-zone conversion could move the
 * date by a day.
 */
const isoDate = (value: unknown): string | null => {
  if (typeof value !== 'string') return null
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim())
  if (!match) return null
  const [, year, month, day] = match.map(Number)
  const date = new Date(Date.UTC(year!, month! - 1, day!))
  // Rejects impossible dates such as 2016-02-30, which Date.UTC would silently roll over.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return null
  return `${match[1]}-${match[2]}-${match[3]}`
}

const text = (value: unknown): string | null => {
  if (typeof value !== 'string') return null
  const collapsed = value.replace(/\s+/g, ' ').trim()
  return collapsed || null
}

const memberName = (member: unknown): string | null => (isObject(member) ? text(member.name) : null)

const uinOf = (value: unknown): string | null => (typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value))

// "Bicameral" (and anything unexpected) has no single house, which the collection records as null.
const houseOf = (value: unknown): ParliamentaryQuestionData['house'] => (value === 'Commons' || value === 'Lords' ? value : null)

/** The heading lower-cased, then the given tags; lower-cased, trimmed and de-duplicated in that order. */
const tagsFor = ({ heading, tags = [] }: { heading: string; tags?: string[] }): string[] => {
  const all = [heading, ...tags]
    .filter((tag): tag is string => typeof tag === 'string')
    .map((tag) => tag.replace(/\s+/g, ' ').trim().toLowerCase())
    .filter(Boolean)
  return [...new Set(all)]
}

/** The public page for a question; both parts are needed to build it, so null when either is unknown. */
export const questionSourceUrl = ({
  dateAsked,
  uin,
}: {
  dateAsked: string | null | undefined
  uin: string | null | undefined
}): string | null => {
  const date = isoDate(dateAsked)
  const id = uin?.trim()
  if (!date || !id) return null
  return `https://questions-statements.parliament.uk/written-questions/detail/${date}/${encodeURIComponent(id)}`
}

// ---------------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------------

type Item = { index: number; label: string; raw: unknown }

/**
 * The items in whichever shape was saved: a full API response, a bare array of results, or one result.
 * Labels follow the file's own structure so a problem can be found in it.
 */
const itemsOf = (json: unknown): Item[] => {
  if (Array.isArray(json)) return json.map((raw, index) => ({ index, label: `[${index}]`, raw }))
  if (isObject(json)) {
    if (Array.isArray(json.results)) {
      return json.results.map((raw, index) => ({ index, label: `results[${index}]`, raw }))
    }
    if ('results' in json) throw new Error('Written questions JSON: "results" is present but is not an array.')
    if (isObject(json.value)) return [{ index: 0, label: 'question', raw: json }]
  }
  const got =
    typeof json === 'string'
      ? 'a string (parse the file with JSON.parse first)'
      : Array.isArray(json)
        ? 'an array'
        : json === null
          ? 'null'
          : isObject(json)
            ? `an object with keys ${Object.keys(json).slice(0, 5).join(', ') || '(none)'}`
            : `a ${typeof json}`
  throw new Error(
    `Written questions JSON not recognised: expected an API response { results: [...] }, an array of results, ` +
      `or a single { value: {...} } result, but got ${got}.`,
  )
}

type ItemResult = { ok: true; question: ParliamentaryQuestionData } | { ok: false; message: string }

const parseItem = ({ raw, tags }: { raw: unknown; tags?: string[] }): ItemResult => {
  const value = isObject(raw) ? raw.value : undefined
  if (!isObject(value)) return { ok: false, message: 'value is missing or not an object' }

  // Withdrawn questions are no longer on the order paper, so they do not belong in the hub.
  if (value.isWithdrawn === true) {
    const uin = uinOf(value.uin)
    return { ok: false, message: `question ${uin ? `${uin} ` : ''}was withdrawn, so it was skipped` }
  }

  const issues: string[] = []
  const dateAsked = isoDate(value.dateTabled)
  if (!dateAsked) issues.push('value.dateTabled is missing or not a date')

  // Unanswered is normal (null); a value that is present but unreadable is a data error worth reporting.
  const dateAnswered = value.dateAnswered == null ? null : isoDate(value.dateAnswered)
  if (value.dateAnswered != null && !dateAnswered) issues.push('value.dateAnswered is not a date')

  const heading = text(value.heading)
  if (!heading) issues.push('value.heading is missing or empty')
  const question = text(value.questionText)
  if (!question) issues.push('value.questionText is missing or empty')
  const answeringBody = text(value.answeringBodyName)
  if (!answeringBody) issues.push('value.answeringBodyName is missing or empty')

  if (value.answerText != null && typeof value.answerText !== 'string') {
    issues.push('value.answerText is not a string')
  }

  if (issues.length > 0 || !dateAsked || !heading || !question || !answeringBody) {
    return { ok: false, message: issues.join('; ') }
  }

  const uin = uinOf(value.uin)
  const answer = typeof value.answerText === 'string' ? htmlToPlainText({ html: value.answerText }) || null : null

  return {
    ok: true,
    question: {
      uin,
      heading,
      house: houseOf(value.house),
      dateAsked,
      dateAnswered,
      askingMember: memberName(value.askingMember),
      answeringBody,
      answeringMember: memberName(value.answeringMember),
      question,
      answer,
      tags: tagsFor({ heading, tags }),
      sourceUrl: questionSourceUrl({ dateAsked, uin }),
    },
  }
}

/**
 * Parses Written Questions API JSON. Bad items never stop the import: each is reported in `problems` (with
 * its index and the fields at fault) and left out of `questions`. Throws only when the top-level shape is
 * not one of the accepted forms, since then nothing at all can be imported.
 */
export const parseWrittenQuestions = ({ json, tags }: { json: unknown; tags?: string[] }): WrittenQuestionsImport => {
  const questions: ParliamentaryQuestionData[] = []
  const problems: WrittenQuestionProblem[] = []
  for (const { index, label, raw } of itemsOf(json)) {
    const result = parseItem({ raw, tags })
    if (result.ok) questions.push(result.question)
    else problems.push({ index, message: `${label}: ${result.message}` })
  }
  return { questions, problems }
}
