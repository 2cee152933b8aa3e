import type { Payload } from 'payload'

import type { PasswordIssue } from './password-policy'

import { PASSWORD_MESSAGES, passwordIssue } from './password-policy'

/** What the reset page says, by the code the form's post comes back with. */
export const SET_PASSWORD_MESSAGES = {
  ...PASSWORD_MESSAGES,
  confirm: 'Enter the same new password twice.',
  missing: 'Enter a new password.',
} satisfies Record<'confirm' | 'missing' | PasswordIssue, string>

export type SetPasswordCode = keyof typeof SET_PASSWORD_MESSAGES

const RESET_TOKEN = /^[0-9a-f]{20,128}$/

/** Whether a reset token names an account and has not expired or been used (a used one is expired). */
export const resetTokenIsValid = async ({ payload, token }: { payload: Payload; token: string }): Promise<boolean> => {
  if (!RESET_TOKEN.test(token)) return false
  const { totalDocs } = await payload.db.count({
    collection: 'users',
    where: { and: [{ resetPasswordToken: { equals: token } }, { resetPasswordExpiration: { greater_than: new Date().toISOString() } }] },
  })
  return totalDocs > 0
}

const issueOf = ({ message }: { message: unknown }): null | PasswordIssue =>
  (Object.entries(PASSWORD_MESSAGES).find(([, text]) => text === message)?.[0] as PasswordIssue | undefined) ?? null

/**
 * Sets a new password with a reset token through Payload (which checks the token, applies the password
 * policy and ends every session of the account). A refused password comes back as a code for the form.
 */
export const setPasswordWithToken = async ({
  confirm,
  password,
  payload,
  token,
}: {
  confirm: string
  password: string
  payload: Payload
  token: string
}): Promise<{ code: SetPasswordCode; kind: 'refused' } | { kind: 'done' } | { kind: 'expired' }> => {
  if (!RESET_TOKEN.test(token)) return { kind: 'expired' }
  if (!password) return { code: 'missing', kind: 'refused' }
  // The rules that do not depend on the account first: no need to ask the database.
  const early = passwordIssue({ password })
  if (early) return { code: early, kind: 'refused' }
  if (password !== confirm) return { code: 'confirm', kind: 'refused' }
  try {
    await payload.resetPassword({ collection: 'users', data: { password, token }, overrideAccess: true })
    return { kind: 'done' }
  } catch (error) {
    const { data, status } = error as { data?: { errors?: { message?: string; path?: string }[] }; status?: number }
    const issue = issueOf({ message: data?.errors?.find(({ path }) => path === 'password')?.message })
    if (issue) return { code: issue, kind: 'refused' }
    if (status === 403) return { kind: 'expired' }
    throw error
  }
}
