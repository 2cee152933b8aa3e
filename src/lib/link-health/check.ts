/** One redirect followed: its status and where it led. */
export type RedirectHop = { status: number; url: string }

export type CheckResult = {
  chain: RedirectHop[]
  error: null | string
  /** Where the redirects ended, when there were any. */
  finalUrl: null | string
  outcome: 'broken' | 'ok' | 'redirected'
  statusCode: null | number
}

export type CheckOptions = {
  /** Node's fetch unless given (tests and callers may wrap it). */
  fetchImpl?: typeof fetch
  maxRedirects?: number
  /** Whether this address may be asked: the first one and each a redirect leads to. */
  mayAsk?: (url: string) => boolean | Promise<boolean>
  timeoutMs: number
  userAgent: string
}

type Answer = { failure: string; retryWithGet: boolean } | { location: null | string; status: number }

// Servers that refuse HEAD often serve GET: 405 and 501 say so, some answer 403 to HEAD alone.
const HEAD_REFUSED = new Set([403, 405, 501])
// A server that drops the connection on HEAD may still answer GET.
const DROPPED = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'])
const NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL'])

const causeCode = (error: unknown): string => {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause
  return typeof cause?.code === 'string' ? cause.code : ''
}

/** Why a request got no answer, in words staff can act on. */
const failureOf = ({ error, timeoutMs }: { error: unknown; timeoutMs: number }): Answer => {
  const name = (error as { name?: unknown } | null)?.name
  if (name === 'TimeoutError' || name === 'AbortError') return { failure: `No answer within ${timeoutMs / 1000} s`, retryWithGet: false }
  const code = causeCode(error)
  if (NOT_FOUND.has(code)) return { failure: `The site's name was not found (DNS, ${code})`, retryWithGet: false }
  if (code === 'ECONNREFUSED') return { failure: 'Connection refused', retryWithGet: true }
  if (DROPPED.has(code)) return { failure: 'The connection was closed without an answer', retryWithGet: true }
  if (/CERT|SSL|TLS/.test(code)) return { failure: `The site's certificate was not accepted (${code})`, retryWithGet: false }
  return { failure: `Could not connect (${code || (error instanceof Error ? error.message : 'unknown error')})`, retryWithGet: false }
}

const ask = async ({ fetchImpl = fetch, method, timeoutMs, url, userAgent }: CheckOptions & { method: 'GET' | 'HEAD'; url: string }) => {
  try {
    const response = await fetchImpl(url, {
      headers: { accept: '*/*', 'user-agent': userAgent },
      method,
      // Followed here, one hop at a time, so each is recorded.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    // Only the status matters: dropping the body frees the connection.
    await response.body?.cancel().catch(() => undefined)
    return { location: response.headers.get('location'), status: response.status }
  } catch (error) {
    return failureOf({ error, timeoutMs })
  }
}

/** HEAD, then GET when the server refuses HEAD or drops the connection. */
const askOnce = async (options: CheckOptions & { url: string }): Promise<Answer> => {
  const head = await ask({ ...options, method: 'HEAD' })
  const retry = 'failure' in head ? head.retryWithGet : HEAD_REFUSED.has(head.status)
  return retry ? ask({ ...options, method: 'GET' }) : head
}

const broken = ({
  chain,
  error = null,
  statusCode = null,
}: {
  chain: RedirectHop[]
  error?: null | string
  statusCode?: null | number
}) => ({
  chain,
  error,
  finalUrl: chain.at(-1)?.url ?? null,
  outcome: 'broken' as const,
  statusCode,
})

/**
 * Whether an address answers: 2xx is working, 4xx and 5xx (and no answer: DNS, refused, closed, timed out)
 * broken, and one reached through redirects is "redirected", with each hop recorded.
 */
export const checkUrl = async ({
  maxRedirects = 5,
  mayAsk = () => true,
  url,
  ...options
}: CheckOptions & { url: string }): Promise<CheckResult> => {
  const chain: RedirectHop[] = []
  let current = url
  if (!(await mayAsk(url))) return broken({ chain, error: 'Not asked: the address leads into a private network' })
  for (;;) {
    const answer = await askOnce({ ...options, url: current })
    if ('failure' in answer) return broken({ chain, error: answer.failure })
    const { location, status } = answer
    if (status >= 300 && status < 400 && location) {
      if (chain.length >= maxRedirects) return broken({ chain, error: `More than ${maxRedirects} redirects`, statusCode: status })
      let next: URL
      try {
        next = new URL(location, current)
      } catch {
        return broken({ chain, error: 'Redirected to an address that is not valid', statusCode: status })
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        return broken({ chain, error: 'Redirected away from the web', statusCode: status })
      next.hash = ''
      chain.push({ status, url: next.href })
      // A public address redirecting into the hub's own network is reported, not followed there.
      if (!(await mayAsk(next.href)))
        return {
          chain,
          error: 'Redirected to an address the check does not ask',
          finalUrl: next.href,
          outcome: 'redirected',
          statusCode: status,
        }
      current = next.href
      continue
    }
    if (status >= 400 || status < 200) return broken({ chain, statusCode: status })
    return { chain, error: null, finalUrl: chain.at(-1)?.url ?? null, outcome: chain.length ? 'redirected' : 'ok', statusCode: status }
  }
}
