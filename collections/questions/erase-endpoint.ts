import type { Endpoint } from 'payload'

import { ADMINS, hasRole } from '../../src/lib/access'
import { jsonBodyRefusal, readJsonObject } from '../../src/lib/input/json-body'
import { eraseAsker } from '../../src/lib/questions/retention'
import { validateEmail } from '../../src/lib/questions/validate'

/**
 * POST /api/questions/erase-asker { "email": "…" }: an administrator erases one person's data on request
 * (every question from that address). Answers with how many questions were erased.
 */
export const eraseAskerEndpoint: Endpoint = {
  handler: async (req) => {
    if (!hasRole({ roles: ADMINS, user: req.user })) {
      return Response.json({ errors: [{ message: 'Only an administrator can erase personal data.' }] }, { status: 403 })
    }
    const read = await readJsonObject({ request: req as Request })
    if (!read.ok) return jsonBodyRefusal(read)
    const check = validateEmail(read.body.email)
    if (check !== true) return Response.json({ errors: [{ field: 'email', message: check }] }, { status: 400 })
    const erased = await eraseAsker({ email: String(read.body.email), payload: req.payload })
    req.payload.logger.info({ erased, msg: "Erased an asker's personal data on request" })
    return Response.json({ erased }, { status: 200 })
  },
  method: 'post',
  path: '/erase-asker',
}
