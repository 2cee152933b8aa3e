import type { Payload } from 'payload'

export type Log = (message: string) => void

export type SeedArgs = { log: Log; payload: Payload }

const reasonsOf = (error: unknown): string => {
  const { data, message } = (error ?? {}) as { data?: { errors?: { message: string; path?: string }[] }; message?: string }
  const reasons = data?.errors?.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message))
  return reasons?.join(' ') || message || String(error)
}

/**
 * Runs one creation. The seed runs on every start, so a clash with something an editor made (a taken slug
 * or step) is logged and skipped rather than stopping the server.
 */
export const createOrLog = async <T>({ create, log, what }: { create: () => Promise<T>; log: Log; what: string }): Promise<null | T> => {
  try {
    return await create()
  } catch (error) {
    log(`Seed: could not create ${what}: ${reasonsOf(error)}`)
    return null
  }
}

export const logCreated = ({ count, log, what }: { count: number; log: Log; what: string }): void => {
  if (count > 0) log(`Seed: created ${count} ${what}.`)
}

export { addMonths, ukToday } from '../../src/lib/fields/review'
