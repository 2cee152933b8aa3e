import type { Endpoint } from 'payload'

import { ValidationError } from 'payload'

import { EDITORS, hasRole } from '../../src/lib/access'
import { mediaType } from '../../src/lib/input/media-type'
import { CSV_BODY_MAX_BYTES } from '../../src/lib/input/request-guard'
import { importRedirects } from '../../src/lib/redirects/csv'

/**
 * POST /api/redirects/import with a CSV file as the body (Content-Type: text/csv): header `from,to,status`,
 * then one old address per row. Editors and admins only. All or nothing: any problem is a 400 listing each
 * with its line, and nothing is created.
 */
export const importRedirectsEndpoint: Endpoint = {
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Sign in to import redirects.' }] }, { status: 401 })
    if (!hasRole({ roles: EDITORS, user: req.user }))
      return Response.json({ errors: [{ message: 'Only editors can import redirects.' }] }, { status: 403 })
    if (mediaType(req.headers.get('content-type')) !== 'text/csv')
      return Response.json(
        { errors: [{ field: 'body', message: 'Send the CSV file as the body (Content-Type: text/csv).' }] },
        { status: 415 },
      )
    const csv = (await req.text?.()) ?? ''
    if (Buffer.byteLength(csv) > CSV_BODY_MAX_BYTES)
      return Response.json({ errors: [{ field: 'body', message: 'The file is larger than 1024 KB.' }] }, { status: 413 })
    let result
    try {
      result = await importRedirects({ csv, payload: req.payload, req })
    } catch (error) {
      // The file was sound when checked; a redirect saved meanwhile (another import, a page moving) got in first.
      if (!(error instanceof ValidationError) && !/unique|duplicate/i.test(String((error as Error)?.message))) throw error
      req.payload.logger.warn({ err: error }, 'Redirects import rolled back')
      return Response.json(
        {
          errors: [{ field: 'body', message: 'Redirects changed while the file was being imported, so nothing was imported. Try again.' }],
        },
        { status: 409 },
      )
    }
    if (result.problems.length)
      return Response.json(
        { errors: result.problems.map((problem) => ({ ...problem, message: `Line ${problem.line}: ${problem.message}` })) },
        { status: 400 },
      )
    return Response.json(result, { status: 200 })
  },
  method: 'post',
  path: '/import',
}
