import type { CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'

import { ValidationError } from 'payload'

import { passwordProblem } from '../../../src/lib/auth/password-policy'

type Args = { data?: { email?: unknown; password?: unknown; token?: unknown }; id?: number | string; where?: Where }

const emailsWhere = async ({ req, where }: { req: PayloadRequest; where: Where }): Promise<string[]> => {
  const { docs } = await req.payload.db.find<{ email?: string; id: number | string }>({
    collection: 'users',
    limit: 0,
    pagination: false,
    req,
    where,
  })
  return docs.map((doc) => doc.email ?? '').filter(Boolean)
}

/**
 * The addresses of the accounts whose password is being set: the new address given, and the stored one of
 * the account changed (by id, by query, or by reset token), never the address of whoever asks.
 */
const accountEmails = async ({ args, operation, req }: { args: Args; operation: string; req: PayloadRequest }): Promise<string[]> => {
  const given = typeof args.data?.email === 'string' ? [args.data.email] : []
  if (operation === 'create') return given
  if (operation === 'resetPassword') {
    const token = typeof args.data?.token === 'string' ? args.data.token : ''
    return token ? [...given, ...(await emailsWhere({ req, where: { resetPasswordToken: { equals: token } } }))] : given
  }
  if (args.id !== undefined) return [...given, ...(await emailsWhere({ req, where: { id: { equals: args.id } } }))]
  return args.where ? [...given, ...(await emailsWhere({ req, where: args.where }))] : given
}

/**
 * Rejects weak passwords on sign-up, change and reset (400, field `password`).
 * Runs before the operation so the reset-password flow is covered too.
 */
export const enforcePasswordPolicy: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const password = (args as Args).data?.password
  if (typeof password !== 'string') return args
  const emails = await accountEmails({ args: args as Args, operation, req })
  const problem = emails.length ? emails.map((email) => passwordProblem({ email, password })).find(Boolean) : passwordProblem({ password })
  if (problem) {
    throw new ValidationError({ collection: 'users', errors: [{ message: problem, path: 'password' }], req })
  }
  return args
}
