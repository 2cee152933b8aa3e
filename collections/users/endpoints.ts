import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { addDataAndFileToRequest, forgotPasswordOperation, ValidationError } from 'payload'

import { clientIpOf } from '../../src/lib/auth/client'
import { requestPasswordReset, RESET_REQUESTED_MESSAGE } from '../../src/lib/auth/password-reset'
import { equaliseHashTime } from '../../src/lib/auth/timing'

/**
 * POST /api/users/forgot-password, in place of Payload's: the same operation, behind the per-address and
 * per-client limits (429 with Retry-After) and answered in the same time and words whatever the address.
 */
export const forgotPasswordEndpoint: Endpoint = {
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const outcome = await requestPasswordReset({
      email: req.data?.email,
      ip: clientIpOf(req),
      // Payload types the data as the login's (email and password); forgot-password reads only the email.
      send: (email) => forgotPasswordOperation({ collection: req.payload.collections.users, data: { email } as never, req }),
    })
    if (outcome.kind === 'invalid') {
      throw new ValidationError({ collection: 'users', errors: [{ message: outcome.message, path: 'email' }], req })
    }
    if (outcome.kind === 'limited') {
      return Response.json(
        { errors: [{ message: `Too many reset requests. Try again in ${Math.ceil(outcome.retryAfterSeconds / 60)} minutes.` }] },
        { headers: { 'retry-after': String(outcome.retryAfterSeconds) }, status: 429 },
      )
    }
    return Response.json({ message: RESET_REQUESTED_MESSAGE })
  },
  method: 'post',
  path: '/forgot-password',
}

export const SIGN_UP_RECEIVED_MESSAGE =
  'Thank you. If this email address was not registered yet, its account now exists and an administrator will grant access. If it was, the account is unchanged: sign in, or reset its password.'

/** The refusals that would say an address already has an account. */
const takenAddress = ({ error, req }: { error: unknown; req: PayloadRequest }): boolean => {
  if (!(error instanceof ValidationError)) return false
  const taken = new Set([req.t('error:userEmailAlreadyRegistered'), req.t('error:valueMustBeUnique')])
  const problems = (error.data as { errors?: { message?: string; path?: string }[] } | undefined)?.errors ?? []
  return problems.length > 0 && problems.every(({ message, path }) => path === 'email' && taken.has(String(message)))
}

const signUp: PayloadHandler = async (req) => {
  // Payload's own create endpoint (the collection's custom endpoints come first in the list).
  const create = req.payload.collections.users.config.endpoints
    ? req.payload.collections.users.config.endpoints.find(
        ({ handler, method, path }) => method === 'post' && path === '/' && handler !== signUp,
      )
    : undefined
  if (!create) throw new Error('Payload create endpoint for users not found')
  if (req.user) return create.handler(req)
  try {
    await create.handler(req)
  } catch (error) {
    if (!takenAddress({ error, req })) throw error
    // A new account costs a password hash; a taken address must cost the same.
    await equaliseHashTime({ password: typeof req.data?.password === 'string' ? req.data.password : '' })
  }
  return Response.json({ message: SIGN_UP_RECEIVED_MESSAGE }, { status: 201 })
}

/**
 * POST /api/users by someone not signed in (self-registration) is answered the same whether the address was
 * free or already had an account; signed-in requests (administrators) get Payload's answer unchanged.
 */
export const signUpEndpoint: Endpoint = { handler: signUp, method: 'post', path: '/' }
