import { buildSchema, GraphQLError, NoFragmentCyclesRule, parse, validate } from 'graphql'

import { mediaType } from './media-type'

// Fragment cycles are a property of the document alone; any schema serves to run graphql's own rule.
const DOCUMENT_ONLY_SCHEMA = buildSchema('type Query { ok: Boolean }')

type Refusal = { message: string; status: 400 | 415 }

/**
 * What is wrong with a GraphQL request before the schema sees it: not JSON, not an object with a query
 * string, a query that does not parse, or fragments that spread each other in a cycle. Payload's complexity
 * rule walks fragments before graphql's cycle check has run and recurses until the stack overflows, so
 * cycles must be refused first.
 */
export const graphqlRequestProblem = async ({ request }: { request: Request }): Promise<null | Refusal> => {
  if (mediaType(request.headers.get('content-type')) !== 'application/json') {
    return { message: 'Send GraphQL requests as JSON (Content-Type: application/json).', status: 415 }
  }
  let body: unknown
  try {
    body = JSON.parse(await request.text())
  } catch {
    return { message: 'The request body is not valid JSON.', status: 400 }
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { message: 'Send one JSON object with a query.', status: 400 }
  const { query } = body as { query?: unknown }
  if (typeof query !== 'string') return { message: 'The query must be a string.', status: 400 }
  try {
    const errors = validate(DOCUMENT_ONLY_SCHEMA, parse(query), [NoFragmentCyclesRule])
    return errors.length ? { message: errors[0]!.message, status: 400 } : null
  } catch (error) {
    if (error instanceof GraphQLError) return { message: error.message, status: 400 }
    throw error
  }
}

/** Payload's GraphQL route with the checks above first, answered in GraphQL's error shape. */
export const guardGraphql =
  (handler: (request: Request) => Promise<Response>) =>
  async (request: Request): Promise<Response> => {
    const problem = await graphqlRequestProblem({ request: request.clone() })
    if (problem) return Response.json({ errors: [{ message: problem.message }] }, { status: problem.status })
    return handler(request)
  }
