import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'

import { passwordProblem } from '../../../src/lib/auth/password-policy'

/**
 * Rejects weak passwords on sign-up, change and reset (400, field `password`).
 * Runs before the operation so the reset-password flow is covered too.
 */
export const enforcePasswordPolicy: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const data = (args as { data?: { email?: string; password?: unknown } }).data
  const password = data?.password
  if (typeof password !== 'string') return args
  const problem = passwordProblem({ email: data?.email ?? req.user?.email, password })
  if (problem) {
    throw new ValidationError({ collection: 'users', errors: [{ message: problem, path: 'password' }], req })
  }
  return args
}
