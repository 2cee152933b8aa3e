import type { Payload } from 'payload'

import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

import type { User } from '../../src/payload-types'

import { createUser } from './hub'

const handlers = { DELETE: REST_DELETE, GET: REST_GET, PATCH: REST_PATCH, POST: REST_POST }

/**
 * Calls the same REST and GraphQL route handlers the Next app mounts, with a real Request, so access
 * rules are exercised exactly as over HTTP.
 */
export const apiClient = ({ config }: { config: Promise<unknown> }) => {
  type RestArgs = {
    body?: unknown
    headers?: Record<string, string>
    method?: keyof typeof handlers
    path: string
    /** A body sent as it is (a CSV file), instead of `body` as JSON. */
    text?: string
    token?: string
  }

  const raw = async ({ body, headers = {}, method = 'GET', path, text, token }: RestArgs): Promise<Response> => {
    const [pathname] = path.split('?')
    const request = new Request(`http://localhost/api/${path}`, {
      body: text ?? (body === undefined ? undefined : JSON.stringify(body)),
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      method,
    })
    const handler = handlers[method](config as never)
    return handler(request, { params: Promise.resolve({ slug: pathname.split('/') }) })
  }

  const rest = async (args: RestArgs): Promise<{ headers: Headers; json: any; status: number }> => {
    const response = await raw(args)
    const text = await response.text()
    return { headers: response.headers, json: text ? JSON.parse(text) : null, status: response.status }
  }

  const graphql = async ({
    headers = {},
    query,
    token,
  }: {
    headers?: Record<string, string>
    query: string
    token?: string
  }): Promise<{ json: any; status: number }> => {
    const request = new Request('http://localhost/api/graphql', {
      body: JSON.stringify({ query }),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}), ...headers },
      method: 'POST',
    })
    const response = await GRAPHQL_POST(config as never)(request)
    return { json: await response.json(), status: response.status }
  }

  const login = async ({ email, password }: { email: string; password: string }) => {
    const { json, status } = await rest({ body: { email, password }, method: 'POST', path: 'users/login' })
    return { status, token: json?.token as string | undefined, user: json?.user }
  }

  return { graphql, login, raw, rest }
}

/**
 * A new signed-in user for each viewer but 'anonymous' (who has neither token nor user), so access tests can
 * ask the same thing as everyone. `prepare` changes the user before it is read back and signs in.
 */
export const signInViewers = async <Viewer extends string>({
  api,
  payload,
  prepare,
  roles = (viewer) => [viewer],
  viewers,
}: {
  api: ReturnType<typeof apiClient>
  payload: Payload
  prepare?: (args: { id: number | string; viewer: Viewer }) => Promise<unknown>
  roles?: (viewer: Viewer) => string[]
  viewers: readonly Viewer[]
}): Promise<{ tokens: Map<Viewer, string | undefined>; users: Map<Viewer, User> }> => {
  const tokens = new Map<Viewer, string | undefined>()
  const users = new Map<Viewer, User>()
  for (const viewer of viewers) {
    if (viewer === 'anonymous') continue
    const created = await createUser({ payload, roles: roles(viewer) })
    await prepare?.({ id: created.id, viewer })
    users.set(viewer, (await payload.findByID({ collection: 'users', id: created.id })) as User)
    tokens.set(viewer, (await api.login(created)).token)
  }
  return { tokens, users }
}
