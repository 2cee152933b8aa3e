import type { Endpoint } from 'payload'

import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { checkText } from '../../src/lib/input/text'
import { suggestAnswers } from '../../src/lib/questions-and-answers/suggest'
import { searchLimiter } from '../../src/lib/search/api'

const TEXT_MAX = 5000

/**
 * GET /api/questions-and-answers/suggest?text=…: the published answers matching a question as it is typed
 * ("Before you ask" on /ask). Public, and limited like search, which it is.
 */
export const suggestEndpoint: Endpoint = {
  handler: async (req) => {
    const slot = await searchLimiter.take({ key: req.headers.get(CLIENT_IP_HEADER) ?? 'unknown' })
    if (!slot.allowed)
      return Response.json(
        { errors: [{ message: 'Too many searches; please wait a moment.' }] },
        { headers: { 'retry-after': String(slot.retryAfterSeconds) }, status: 429 },
      )
    const text = req.searchParams.get('text') ?? ''
    const characters = checkText({ label: 'The question', multiline: true, value: text })
    if (characters !== true) return Response.json({ errors: [{ field: 'text', message: characters }] }, { status: 400 })
    if (text.length > TEXT_MAX)
      return Response.json({ errors: [{ field: 'text', message: `Send at most ${TEXT_MAX} characters.` }] }, { status: 400 })
    return Response.json(
      { answers: await suggestAnswers({ payload: req.payload, text }) },
      { headers: { 'cache-control': 'private, no-store' } },
    )
  },
  method: 'get',
  path: '/suggest',
}
