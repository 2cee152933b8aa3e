import type { Endpoint, PayloadRequest } from 'payload'

import { jsonBodyRefusal, readJsonObject } from '../../src/lib/input/json-body'
import { proposeAnswer } from '../../src/lib/questions-and-answers/propose'
import { questionReport } from '../../src/lib/questions/report'
import { reportCsv } from '../../src/lib/questions/report-csv'
import { ukDay } from '../../src/lib/sla/working-days'

// The desk's figures are for signed-in staff only: never kept by a browser or shared cache.
const NOT_CACHED = { 'cache-control': 'private, no-store' }

/**
 * The report for the requester, with `?from=` and `?to=` (YYYY-MM-DD) when given. Refusals are thrown, so
 * Payload answers them as JSON: 403 for anyone but the desk, 400 naming a bad date.
 */
const reportFor = ({ now, req }: { now: Date; req: PayloadRequest }) =>
  questionReport({
    // An empty box in a filter form means no limit.
    from: req.searchParams.get('from') || undefined,
    now,
    payload: req.payload,
    req,
    to: req.searchParams.get('to') || undefined,
    user: req.user ?? null,
  })

/** GET /api/questions/report: the desk's service-level report as JSON. */
export const reportEndpoint: Endpoint = {
  handler: async (req) => Response.json(await reportFor({ now: new Date(), req }), { headers: NOT_CACHED }),
  method: 'get',
  // Custom endpoints are matched before Payload's own, so this is never read as GET /:id.
  path: '/report',
}

/** GET /api/questions/report.csv: the same report as a CSV download named for today (UK date). */
export const reportCsvEndpoint: Endpoint = {
  handler: async (req) => {
    const now = new Date()
    return new Response(reportCsv({ report: await reportFor({ now, req }) }), {
      headers: {
        ...NOT_CACHED,
        'content-disposition': `attachment; filename="question-report-${ukDay({ instant: now })}.csv"`,
        'content-type': 'text/csv; charset=utf-8',
      },
    })
  },
  method: 'get',
  path: '/report.csv',
}

/**
 * POST /api/questions/:id/propose: a responder proposes the answered question for publication, as JSON
 * `{ question, answer, careArea, givesClinicalInformation? }`. 201 with the draft's id, or the problem with its field named.
 */
export const proposeEndpoint: Endpoint = {
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ field: 'user', message: 'Sign in first.' }] }, { headers: NOT_CACHED, status: 401 })
    const read = await readJsonObject({ request: req as Request })
    if (!read.ok) return jsonBodyRefusal(read)
    const result = await proposeAnswer({ body: read.body, id: String(req.routeParams?.id ?? ''), req })
    return result.ok
      ? Response.json({ adminPath: result.adminPath, id: result.id }, { headers: NOT_CACHED, status: 201 })
      : Response.json({ errors: [result.error] }, { headers: NOT_CACHED, status: result.status })
  },
  method: 'post',
  path: '/:id/propose',
}
