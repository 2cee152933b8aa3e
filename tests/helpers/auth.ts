import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'

/** Posts a site form (as a browser without JavaScript does) to a Next route handler; returns where it goes. */
export const postForm = async ({
  cookie,
  fields,
  handler,
  ip,
  path,
}: {
  cookie?: string
  fields: Record<string, string>
  handler: (request: Request) => Promise<Response>
  ip?: string
  path: string
}): Promise<{ location: null | string; response: Response; setCookie: null | string; status: number }> => {
  const body = new URLSearchParams(fields)
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }
  if (ip) headers[CLIENT_IP_HEADER] = ip
  if (cookie) headers.cookie = cookie
  const response = await handler(new Request(`http://localhost${path}`, { body, headers, method: 'POST' }))
  return { location: response.headers.get('location'), response, setCookie: response.headers.get('set-cookie'), status: response.status }
}

/** The `name=value` part of a Set-Cookie header, to send back as a Cookie header. */
export const cookieOf = ({ setCookie }: { setCookie: null | string }): string => (setCookie ?? '').split(';')[0]!

/** Runs `task` and returns its result with how long it took in milliseconds. */
export const timed = async <T>({ task }: { task: () => Promise<T> }): Promise<{ ms: number; result: T }> => {
  const started = performance.now()
  const result = await task()
  return { ms: performance.now() - started, result }
}

export const median = ({ values }: { values: number[] }): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
