import type { Env, EnvName, VariableSpec } from './schema'

import { ENV_SCHEMA } from './schema'

type Outcome = { problem: string } | { value: boolean | number | string }

const CRON_FIELD = /^[\d*?/,\-#LWA-Za-z]+$/

const accepted = (spec: VariableSpec): string => {
  switch (spec.kind) {
    case 'boolean':
      return 'true or false'
    case 'choice':
      return `one of ${spec.values.join(', ')}`
    case 'cron':
      return 'a cron expression of 6 fields, seconds first, like "*/10 * * * * *"'
    case 'integer':
      return `a whole number from ${spec.min} to ${spec.max}`
    case 'number':
      return `a number from ${spec.min} to ${spec.max}`
    case 'url':
      return `an address starting with ${spec.protocols.join(', ')}`
    default:
      return 'any text'
  }
}

const validUrl = ({ protocols, raw }: { protocols: readonly string[]; raw: string }): boolean => {
  const protocol = protocols.find((each) => raw.toLowerCase().startsWith(each))
  if (!protocol) return false
  // A file: address is a path, which the URL parser would not keep as given.
  if (protocol === 'file:') return raw.length > protocol.length
  // Database addresses may name several hosts or a socket directory, which the URL parser refuses.
  if (protocol !== 'http:' && protocol !== 'https:') return /^[^:]+:\/\/\S+$/.test(raw)
  try {
    return Boolean(new URL(raw).host)
  } catch {
    return false
  }
}

const parseValue = ({ raw, spec }: { raw: string; spec: VariableSpec }): Outcome => {
  const refuse = { problem: `use ${accepted(spec)}` }
  switch (spec.kind) {
    case 'boolean': {
      const word = raw.toLowerCase()
      return word === 'true' ? { value: true } : word === 'false' ? { value: false } : refuse
    }
    case 'choice':
      return spec.values.includes(raw) ? { value: raw } : refuse
    case 'cron': {
      const fields = raw.split(/\s+/)
      return fields.length === 6 && fields.every((field) => CRON_FIELD.test(field)) ? { value: fields.join(' ') } : refuse
    }
    case 'integer':
    case 'number': {
      // Number('') and Number(' ') are 0, and Number('0x10') is 16: only plain decimals are taken.
      const value = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN
      const whole = spec.kind === 'number' || Number.isInteger(value)
      return Number.isFinite(value) && whole && value >= spec.min && value <= spec.max ? { value } : refuse
    }
    case 'url':
      return validUrl({ protocols: spec.protocols, raw }) ? { value: raw } : refuse
    default:
      return { value: raw }
  }
}

const NAMES = Object.keys(ENV_SCHEMA) as EnvName[]

export type InvalidEnvironmentError = Error & { problems: { name: EnvName; problem: string }[] }

export const isInvalidEnvironment = (error: unknown): error is InvalidEnvironmentError =>
  error instanceof Error && error.name === 'InvalidEnvironmentError'

const describe = ({ name, problem, raw }: { name: EnvName; problem: string; raw: string }): string =>
  `${name}=${JSON.stringify(raw)} is not valid: ${problem} (${ENV_SCHEMA[name].description}).`

/** Parses every declared variable of `source`; all the problems are reported together. */
export const parseEnvironment = ({ source }: { source: Record<string, string | undefined> }): Env => {
  const values: Record<string, unknown> = {}
  const problems: { name: EnvName; problem: string }[] = []
  const lines: string[] = []
  for (const name of NAMES) {
    const spec: VariableSpec = ENV_SCHEMA[name]
    const given = source[name] ?? ''
    const raw = given.trim()
    if (!raw) {
      values[name] = spec.default
      continue
    }
    // Text is kept as given (a password may start with a space); everything else is read trimmed.
    const outcome = spec.kind === 'string' ? { value: given } : parseValue({ raw, spec })
    if ('value' in outcome) values[name] = outcome.value
    else {
      problems.push({ name, problem: outcome.problem })
      lines.push(describe({ name, problem: outcome.problem, raw }))
    }
  }
  if (problems.length) {
    const error = new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`) as InvalidEnvironmentError
    error.name = 'InvalidEnvironmentError'
    error.problems = problems
    throw error
  }
  return values as Env
}

let cached: { env: Env; key: string } | undefined

/**
 * The parsed environment of this process. Parsed on first use and again only when a declared variable
 * changes (tests set variables between hubs); a bad value throws, naming the variable and what it accepts.
 */
export const env = (): Env => {
  const key = NAMES.map((name) => process.env[name] ?? '').join('\u0000')
  if (cached?.key !== key) cached = { env: parseEnvironment({ source: process.env }), key }
  return cached.env
}

/** For entry points, before anything else: a bad value stops the process with one clear message. */
export const exitOnInvalidEnvironment = (): void => {
  try {
    env()
  } catch (error) {
    if (!isInvalidEnvironment(error)) throw error
    process.stderr.write(`${error.message}\n`)
    process.exit(1)
  }
}
