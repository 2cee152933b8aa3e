import type { Endpoint, PayloadRequest } from 'payload'

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
