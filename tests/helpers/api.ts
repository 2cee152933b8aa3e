import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

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
    token?: string
  }

  const raw = async ({ body, headers = {}, method = 'GET', path, token }: RestArgs): Promise<Response> => {
    const [pathname] = path.split('?')
    const request = new Request(`http://localhost/api/${path}`, {
      body: body === undefined ? undefined : JSON.stringify(body),
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
