import type { Endpoint } from 'payload'

import type { User } from '../../src/payload-types'

import { EDITORS, hasRole } from '../../src/lib/access'
import { IMPORT_MAX_BYTES, jsonBodyRefusal, readJsonBody } from '../../src/lib/input/json-body'
import { importWrittenQuestions } from '../../src/lib/parliament/import'

/**
 * POST /api/parliamentary-questions/import with the saved API JSON as the body (?publish=true to publish
 * straight away). Editors and admins only; a file that is not JSON, or not in the API's shape, is a 400.
 */
export const importEndpoint: Endpoint = {
  handler: async (req) => {
    if (!hasRole({ roles: EDITORS, user: req.user })) {
      return Response.json({ errors: [{ message: 'Only editors can import parliamentary questions.' }] }, { status: 403 })
    }
    const read = await readJsonBody({ maxBytes: IMPORT_MAX_BYTES, request: req as Request })
    if (!read.ok) return jsonBodyRefusal(read)
    try {
      const result = await importWrittenQuestions({
        json: read.body,
        payload: req.payload,
        publish: req.searchParams.get('publish') === 'true',
        user: req.user as User,
      })
      return Response.json(result, { status: 200 })
    } catch (error) {
      // The file's shape, or a question the collection refuses, is the file's fault; anything else is not.
      const { message, status } = error as { message: string; status?: number }
      if (message.startsWith('Written questions JSON')) return Response.json({ errors: [{ field: 'body', message }] }, { status: 400 })
      if (typeof status === 'number' && status >= 400 && status < 500)
        return Response.json({ errors: [{ field: 'body', message }] }, { status })
      throw error
    }
  },
  method: 'post',
  path: '/import',
}
