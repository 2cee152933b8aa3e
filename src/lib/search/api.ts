import type { RequestHandler } from 'express'
import type { Endpoint, Payload } from 'payload'

import type { Audience } from './types'

import { canReadProfessionalContent } from '../access'
import { requestAudience } from '../cache/audience'
import { env } from '../env'
import { CLIENT_IP_HEADER } from '../http/client-ip'
import { createRateLimiter } from '../http/rate-limit'
import { API, SEARCH_API } from '../routes'
import { parseSearchParams } from './query'
import { runSearch } from './run'

export const searchLimiter = createRateLimiter({ durationSeconds: 60, name: 'search', points: () => env().SEARCH_RATE_LIMIT_MAX })

type Answer = { body: unknown; headers?: Record<string, string>; status: number }

/**
 * One search request, whoever routes it: rate limit, parameters, then the engine (or the database while the
 * engine is down or building) as `viewer`, who comes from the session, never from a parameter.
 */
const answerSearch = async ({
  get,
  ip,
  payload,
  viewer,
}: {
  get: (name: string) => null | string | string[] | undefined
  ip: string
  payload: Payload
  viewer: Audience
}): Promise<Answer> => {
  const slot = await searchLimiter.take({ key: ip })
  if (!slot.allowed) {
    return {
      body: { errors: [{ message: 'Too many searches; please wait a moment.' }] },
      headers: { 'retry-after': String(slot.retryAfterSeconds) },
      status: 429,
    }
  }
  const { errors, query } = parseSearchParams({ get })
  if (errors.length) return { body: { errors }, status: 400 }
  if (!query.q) return { body: { errors: [{ field: 'q', message: 'Enter something to search for' }] }, status: 400 }
  try {
    const { mode, result } = await runSearch({ payload, query: { ...query, viewer } })
    return { body: { ...result, mode, page: query.page, query: query.q }, headers: { 'cache-control': 'private, no-store' }, status: 200 }
  } catch (error) {
    payload.logger.error({ err: error, msg: 'search failed' })
    return { body: { errors: [{ message: 'Search is unavailable at the moment.' }] }, status: 503 }
  }
}

/**
 * GET /api/search?q=…&type=…&careArea=…&page=…: hits, facets, total and timing as JSON. The viewer's audience
 * is applied inside the engine query. `mode` says whether the engine answered or, while it is down or
 * building, the simpler database search.
 */
export const searchEndpoint: Endpoint = {
  handler: async (req) => {
    const viewer = canReadProfessionalContent(req.user) ? 'professional' : 'public'
    const answer = await answerSearch({
      get: (name) => req.searchParams.get(name),
      ip: req.headers.get(CLIENT_IP_HEADER) ?? 'unknown',
      payload: req.payload,
      viewer,
    })
    return Response.json(answer.body, { headers: answer.headers, status: answer.status })
  },
  method: 'get',
  // Payload mounts endpoints under its API route (the default, /api).
  path: SEARCH_API.slice(API.length),
}

/**
 * The same GET /api/search answered in the Express layer, before Next and Payload's REST routing, which cost
 * several times what the search itself does. Only for readers whose audience is known as the page cache
 * knows it (nobody signed in, or a session checked recently); staff, and anything that cannot be checked,
 * go on to the Payload endpoint above.
 */
export const searchRoute = ({ payload }: { payload: Payload }): RequestHandler => {
  const audienceOf = requestAudience({ payload })
  return async (req, res, next) => {
    const audience = await audienceOf(req)
    if (audience === null) return next()
    const viewer: Audience = audience === 'professional' ? 'professional' : 'public'
    const answer = await answerSearch({
      get: (name) => {
        const value = req.query[name]
        return typeof value === 'string' || Array.isArray(value) ? (value as string[] | string) : undefined
      },
      ip: String(req.headers[CLIENT_IP_HEADER] ?? 'unknown'),
      payload,
      viewer,
    })
    res
      .status(answer.status)
      .set(answer.headers ?? {})
      .json(answer.body)
  }
}
