import type { CollectionBeforeOperationHook, GraphQLExtension, PayloadRequest } from 'payload'

import { APIError, ValidationError } from 'payload'

import { clientIpOf } from './client'
import { requestPasswordReset } from './password-reset'

type Resolver = (source: unknown, args: Record<string, unknown>, context: { req: PayloadRequest }, info: unknown) => Promise<unknown>

/**
 * GraphQL's forgotPasswordUser goes through the same limits and answer time as the REST endpoint and the
 * site form; Payload's own resolver still does the work.
 */
export const authMutations: GraphQLExtension = (_graphQL, { Mutation }) => {
  const original = Mutation.fields.forgotPasswordUser as { resolve: Resolver } | undefined
  if (!original) return {}
  const resolve: Resolver = async (source, args, context, info) => {
    const outcome = await requestPasswordReset({
      email: args.email,
      ip: clientIpOf(context.req),
      send: (email) => original.resolve(source, { ...args, email }, context, info),
    })
    if (outcome.kind === 'invalid') {
      throw new ValidationError({ collection: 'users', errors: [{ message: outcome.message, path: 'email' }], req: context.req })
    }
    if (outcome.kind === 'limited') {
      const minutes = Math.ceil(outcome.retryAfterSeconds / 60)
      throw new APIError(
        `Too many reset requests. Try again in ${minutes} minutes.`,
        429,
        { retryAfterSeconds: outcome.retryAfterSeconds },
        true,
      )
    }
    return true
  }
  return { forgotPasswordUser: { ...original, resolve } }
}

/**
 * Self-registration is answered the same for a free and a taken address only through POST /api/users; over
 * GraphQL an anonymous create would say "already registered", so it is refused there.
 */
export const signUpOverRestOnly: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' && req.payloadAPI === 'GraphQL' && !req.user) {
    throw new APIError('Register through POST /api/users.', 403, undefined, true)
  }
  return args
}
