import type { Endpoint } from 'payload'

import { ADMINS, hasRole } from '../../src/lib/access'
import { CHECK_LINKS_TASK } from '../../src/lib/jobs/names'

/**
 * "Check links now" on the list: queues the check for the job runner rather than running it in the request (a
 * full check takes minutes). Addresses already checked today are not asked again.
 */
export const checkNowEndpoint: Endpoint = {
  handler: async (req) => {
    if (!hasRole({ roles: ADMINS, user: req.user }))
      return Response.json({ errors: [{ message: 'Only administrators can start a link check.' }] }, { status: 403 })
    await req.payload.jobs.queue({ input: {}, queue: 'default', req, task: CHECK_LINKS_TASK })
    return Response.json({ queued: true }, { status: 202 })
  },
  method: 'post',
  path: '/run',
}
