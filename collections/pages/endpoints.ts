import type { Endpoint } from 'payload'

import type { StepArgs, StepResult } from '../../src/lib/sign-off/workflow'

import { jsonBodyRefusal, readJsonObject } from '../../src/lib/input/json-body'
import { approveDraft, requestSignOff, returnDraft } from '../../src/lib/sign-off/workflow'

const PRIVATE = { 'cache-control': 'private, no-store' }

type Step = (args: StepArgs) => Promise<StepResult>

/**
 * One step of the clinical sign-off workflow on the page named in the path, as the signed-in user (session
 * cookie, SameSite=Lax, or API key): a JSON body in, the new status or the problem (field named) out.
 */
const stepEndpoint = ({ path, step }: { path: string; step: Step }): Endpoint => ({
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ field: 'user', message: 'Sign in first.' }] }, { headers: PRIVATE, status: 401 })
    const read = await readJsonObject({ request: req as Request })
    if (!read.ok) return jsonBodyRefusal(read)
    const result = await step({ body: read.body, id: String(req.routeParams?.id ?? ''), req })
    return result.ok
      ? Response.json({ status: result.status }, { headers: PRIVATE })
      : Response.json({ errors: [result.error] }, { headers: PRIVATE, status: result.status })
  },
  method: 'post',
  path,
})

/** POST /api/pages/:id/sign-off/{request,return,approve}: send for sign-off, return with a reason, sign off and publish. */
export const signOffEndpoints: Endpoint[] = [
  stepEndpoint({ path: '/:id/sign-off/request', step: requestSignOff }),
  stepEndpoint({ path: '/:id/sign-off/return', step: returnDraft }),
  stepEndpoint({ path: '/:id/sign-off/approve', step: approveDraft }),
]
