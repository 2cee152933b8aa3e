import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

const derive = promisify(pbkdf2)

// Payload 3.90's password hash (auth/strategies/local/generatePasswordSaltHash): PBKDF2-SHA256, 600,000 rounds,
// 32 bytes. The sign-in timing test fails if a Payload upgrade changes it and this is left behind.
const ROUNDS = 600_000
const KEY_BYTES = 32

/**
 * Spends as long as checking a password against a stored hash, for the answers that would otherwise come
 * back early (an unknown address, a locked sign-in, a sign-up for a taken address): the time taken must not
 * tell whether an account exists.
 */
export const equaliseHashTime = async ({ password }: { password: string }): Promise<void> => {
  await derive(password, randomBytes(32).toString('hex'), ROUNDS, KEY_BYTES, 'sha256')
}

/** Waits until `ms` have passed since `since`: an answer that must take the same time whatever it found. */
export const settleAfter = async ({ ms, since }: { ms: number; since: number }): Promise<void> => {
  const left = since + ms - Date.now()
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left))
}
