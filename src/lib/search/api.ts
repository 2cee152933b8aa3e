import type { Endpoint } from 'payload'

import { canReadProfessionalContent } from '../access'
import { env } from '../env'
import { CLIENT_IP_HEADER } from '../http/client-ip'
import { createRateLimiter } from '../http/rate-limit'
import { parseSearchParams } from './query'
import { runSearch } from './run'

export const searchLimiter = createRateLimiter({ durationSeconds: 60, name: 'search', points: () => env().SEARCH_RATE_LIMIT_MAX })

/**
 * GET /api/search?q=…&type=…&careArea=…&page=…: hits, facets, total and timing as JSON. The viewer's audience
 * comes from their session, never from a parameter, and is applied inside the engine query. `mode` says
 * whether the engine answered or, while it is down or building, the simpler database search.
 */
export const searchEndpoint: Endpoint = {
  handler: async (req) => {
    const slot = await searchLimiter.take({ key: req.headers.get(CLIENT_IP_HEADER) ?? 'unknown' })
    if (!slot.allowed) {
      return Response.json(
        { errors: [{ message: 'Too many searches; please wait a moment.' }] },
        { headers: { 'retry-after': String(slot.retryAfterSeconds) }, status: 429 },
      )
    }
    const { errors, query } = parseSearchParams({ get: (name) => req.searchParams.get(name) })
    if (errors.length) return Response.json({ errors }, { status: 400 })
    if (!query.q) return Response.json({ errors: [{ field: 'q', message: 'Enter something to search for' }] }, { status: 400 })
    const viewer = canReadProfessionalContent(req.user) ? 'professional' : 'public'
    try {
      const { mode, result } = await runSearch({ payload: req.payload, query: { ...query, viewer } })
      return Response.json({ ...result, mode, page: query.page, query: query.q }, { headers: { 'cache-control': 'private, no-store' } })
    } catch (error) {
      req.payload.logger.error({ err: error, msg: 'search failed' })
      return Response.json({ errors: [{ message: 'Search is unavailable at the moment.' }] }, { status: 503 })
    }
  },
  method: 'get',
  path: '/search',
}
