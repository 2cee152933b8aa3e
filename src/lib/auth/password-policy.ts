import { randomBytes } from 'node:crypto'

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 256

// The most common leaked passwords long enough to pass the length rule; NCSC advice is to block these.
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  'aaaaaaaaaaaa',
  'changemechangeme',
  'letmeinletmein',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'qwertyuiop123',
  'qwertyuiopasdf',
  'welcome12345',
  'iloveyou1234',
  'administrator',
  'administrator1',
])

export type PasswordIssue = 'common' | 'email-name' | 'too-long' | 'too-short'

export const PASSWORD_MESSAGES: Record<PasswordIssue, string> = {
  common: 'Password is too easy to guess: use three random words or a passphrase.',
  'email-name': 'Password must not contain the email name of the account.',
  'too-long': `Password must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
  'too-short': `Password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
}

/** Why a password is not acceptable, or null when it is. Length over complexity rules, per NCSC guidance. */
export const passwordIssue = ({ email, password }: { email?: null | string; password: string }): null | PasswordIssue => {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too-short'
  if (password.length > PASSWORD_MAX_LENGTH) return 'too-long'
  const lower = password.toLowerCase()
  if (COMMON.has(lower) || new Set(lower).size < 4) return 'common'
  const localPart = email?.split('@')[0]?.toLowerCase()
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) return 'email-name'
  return null
}

/** The message for why a password is not acceptable, or null when it is. */
export const passwordProblem = ({ email, password }: { email?: null | string; password: string }): null | string => {
  const issue = passwordIssue({ email, password })
  return issue ? PASSWORD_MESSAGES[issue] : null
}

/** A password that satisfies the policy, for the generated first admin and development accounts. */
export const generatePassword = (): string => {
  // 18 random bytes → 24 base64url characters (~144 bits).
  return randomBytes(18).toString('base64url')
}
