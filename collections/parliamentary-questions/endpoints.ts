import type { Endpoint } from 'payload'

import type { User } from '../../src/payload-types'

import { hasRole } from '../../src/lib/access'
import { importWrittenQuestions } from '../../src/lib/parliament/import'

/**
 * POST /api/parliamentary-questions/import with the saved API JSON as the body (?publish=true to publish
 * straight away). Editors and admins only; a file that is not JSON, or not in the API's shape, is a 400.
 */
export const importEndpoint: Endpoint = {
  handler: async (req) => {
    if (!hasRole({ roles: ['admin', 'editor'], user: req.user })) {
      return Response.json({ errors: [{ message: 'Only editors can import parliamentary questions.' }] }, { status: 403 })
    }
    let json: unknown
    try {
      json = await req.json?.()
    } catch {
      return Response.json({ errors: [{ field: 'body', message: 'The file is not valid JSON.' }] }, { status: 400 })
    }
    try {
      const result = await importWrittenQuestions({
        json,
        payload: req.payload,
        publish: req.searchParams.get('publish') === 'true',
        user: req.user as User,
      })
      return Response.json(result, { status: 200 })
    } catch (error) {
      return Response.json({ errors: [{ field: 'body', message: (error as Error).message }] }, { status: 400 })
    }
  },
  method: 'post',
  path: '/import',
}
