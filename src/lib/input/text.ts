/**
 * Text typed by the public: what may be stored. A NUL byte cannot be stored by PostgreSQL and is never typed
 * by a person; other control characters (except tab, line feed and carriage return) and the bidirectional
 * embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069) only serve to hide or disguise
 * text, e.g. make a name or an email address read differently on screen from what is stored.
 */
const NUL = /\u0000/
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/
const LINE_BREAK = /[\n\r]/

export type TextProblem = 'bidi' | 'control' | 'line-break' | 'not-text' | 'nul'

/** What is wrong with a value given for a text field, or null. Single-line fields also refuse line breaks. */
export const textProblem = ({ multiline = false, value }: { multiline?: boolean; value: unknown }): null | TextProblem => {
  if (typeof value !== 'string') return 'not-text'
  if (NUL.test(value)) return 'nul'
  if (CONTROL.test(value)) return 'control'
  if (BIDI_CONTROL.test(value)) return 'bidi'
  if (!multiline && LINE_BREAK.test(value)) return 'line-break'
  return null
}

const MESSAGES: Record<TextProblem, string> = {
  bidi: 'must not include characters that change the direction of text',
  control: 'must not include control characters',
  'line-break': 'must be on one line',
  'not-text': 'must be text',
  nul: 'must not include a NUL character',
}

/** `label` as the start of a sentence: "Your full name", "Comment". */
export const describeTextProblem = ({ label, problem }: { label: string; problem: TextProblem }): string => `${label} ${MESSAGES[problem]}`

/**
 * A message naming the field when a value cannot be accepted as typed text, otherwise true. Absent values
 * (undefined, null) pass: whether a field is required is the field's own rule.
 */
export const checkText = ({ label, multiline = false, value }: { label: string; multiline?: boolean; value: unknown }): string | true => {
  if (value === undefined || value === null) return true
  const problem = textProblem({ multiline, value })
  return problem ? describeTextProblem({ label, problem }) : true
}

/** True when any string inside `value` (nested arrays and objects, keys included) holds a NUL. */
export const containsNul = (value: unknown, depth = 0): boolean => {
  if (typeof value === 'string') return NUL.test(value)
  if (!value || typeof value !== 'object' || depth > 100) return false
  if (Array.isArray(value)) return value.some((each) => containsNul(each, depth + 1))
  return Object.entries(value).some(([key, each]) => NUL.test(key) || containsNul(each, depth + 1))
}

type TextRule = { label: string; max: number; min?: number; multiline?: boolean }

/** Required text with NHS.UK-style messages ("Enter your …") instead of a generic "required". */
export const validateText =
  ({ label, max, min = 1, multiline = false }: TextRule) =>
  (value: unknown): string | true => {
    const characters = checkText({ label: `Your ${label}`, multiline, value })
    if (characters !== true) return characters
    const text = typeof value === 'string' ? value.trim() : ''
    if (!text) return `Enter your ${label}`
    if (text.length < min) return `Your ${label} must be at least ${min} characters`
    if (text.length > max) return `Your ${label} must be ${max} characters or fewer`
    return true
  }

/** Optional text: nothing, or text within the limit and free of hidden characters. */
export const validateOptionalText =
  ({ label, max, multiline = false }: Omit<TextRule, 'min'>) =>
  (value: unknown): string | true => {
    if (value === undefined || value === null || value === '') return true
    const characters = checkText({ label: `Your ${label}`, multiline, value })
    if (characters !== true) return characters
    if ((value as string).trim().length > max) return `Your ${label} must be ${max} characters or fewer`
    return true
  }
