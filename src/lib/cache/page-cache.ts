import type { NextFunction, Request, RequestHandler, Response } from 'express'
import type { IncomingMessage, ServerResponse } from 'node:http'

import fresh from 'fresh'
import { LRUCache } from 'lru-cache'
import { createHash } from 'node:crypto'
import zlib from 'node:zlib'

import type { Encoding } from '../http/encoding'

import type { PageAudience } from './audience'

import { ADMIN, API, ASSETS, FEEDBACK, HEALTHZ, LOGIN, LOGOUT, NEWSLETTER, NEXT_ASSETS, PREVIEW, READYZ, SEARCH } from '../routes'
import { ukDay } from '../dates/uk-day'
import { preferredEncoding, varyWithAcceptEncoding } from '../http/encoding'
import { hasCredentials } from './audience'

/**
 * A stored page: its body as rendered and, once compressed, as Brotli and gzip for clients that take them;
 * the headers of each form are put together once, on its first hit.
 */
type Entry = {
  /** Whose copy it is: only the public's may be kept by browsers (see STORED_CACHE_CONTROL). */
  audience: PageAudience
  body: Buffer
  encoded: Partial<Record<Encoding, Buffer>>
  /** Weak: one tag for the page whichever encoding carries it. */
  etag: string
  headers: [string, string][]
  status: number
  wire: Partial<Record<'identity' | Encoding, string[]>>
}

/**
 * Browsers may keep a public page but must ask again before showing it (the answer is a 304 while it is
 * unchanged); never a shared cache, since pages differ by audience, which a cookie decides. A signed-in reader's
 * copy keeps the page's own no-store: Back after signing out on a shared computer must not show it.
 */
const STORED_CACHE_CONTROL = 'private, no-cache'
const keptByBrowsers = (entry: Entry): boolean => entry.audience === 'anonymous'

// Smaller bodies gain nothing worth a Content-Encoding.
const COMPRESS_MIN_BYTES = 1024

/**
 * Compressed once per stored page, after the response that rendered it has gone, so every later hit sends
 * fewer bytes without compressing again. Brotli at a middle quality: close to its best size at a fraction of the time.
 * On libuv's thread pool, not the thread serving requests: it cost a tenth of a cold render there. Until
 * each copy is ready, hits that would take it get the body as rendered.
 */
const compressEntry = ({ entry, key }: { entry: Entry; key: string }) => {
  if (entry.body.length < COMPRESS_MIN_BYTES) return
  const keep = (encoding: 'br' | 'gzip') => (error: Error | null, compressed: Buffer) => {
    // Dropped meanwhile (a content change or eviction), or failed: the body as rendered serves.
    const { entries } = store()
    if (error || entries.peek(key) !== entry) return
    entry.encoded[encoding] = compressed
    // Stored again so the cache counts the new size (evicting the least recently used to stay within its limit).
    // That also marks it as just used, as it nearly is: it was stored when its first render went out.
    entries.set(key, entry)
  }
  zlib.brotliCompress(
    entry.body,
    { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length } },
    keep('br'),
  )
  zlib.gzip(entry.body, { level: 6 }, keep('gzip'))
}

/**
 * The smallest form of the entry this client accepts (q above 0, the client's preference first), with the
 * headers that go with it; a request without Accept-Encoding gets the body as rendered.
 */
const representation = ({
  acceptEncoding,
  entry,
}: {
  acceptEncoding: string | undefined
  entry: Entry
}): { body: Buffer; headers: string[] } => {
  const preferred = preferredEncoding(acceptEncoding)
  const encoding = preferred && entry.encoded[preferred] ? preferred : null
  const body = encoding ? entry.encoded[encoding]! : entry.body
  const form = encoding ?? 'identity'
  const kept = keptByBrowsers(entry)
  entry.wire[form] ??= [
    ...entry.headers.filter(([name]) => name !== 'vary' && !(kept && name === 'cache-control')).flat(),
    'Vary',
    varyWithAcceptEncoding(entry.headers.find(([name]) => name === 'vary')?.[1]),
    ...(kept ? ['Cache-Control', STORED_CACHE_CONTROL, 'ETag', entry.etag] : []),
    ...(encoding ? ['Content-Encoding', encoding] : []),
    'Content-Length',
    String(body.length),
    'X-Cache',
    'HIT',
  ]
  return { body, headers: entry.wire[form] }
}

/**
 * The headers of a 304 when the client already holds this page (its If-None-Match names the entry's tag, and it
 * did not ask for a fresh copy), or null when the page must be sent.
 */
const notModified = ({ entry, req }: { entry: Entry; req: Pick<IncomingMessage, 'headers'> }): null | string[] =>
  keptByBrowsers(entry) && req.headers['if-none-match'] && fresh(req.headers, { etag: entry.etag })
    ? [
        'ETag',
        entry.etag,
        'Cache-Control',
        STORED_CACHE_CONTROL,
        'Vary',
        varyWithAcceptEncoding(entry.headers.find(([name]) => name === 'vary')?.[1]),
        'X-Cache',
        'HIT',
      ]
    : null

/** A Content-Encoding given to writeHead itself (its headers as an object or as a flat name, value list). */
const encodingAmong = (args: unknown[]): null | string => {
  for (const arg of args) {
    if (Array.isArray(arg)) {
      const at = arg.findIndex((item, index) => index % 2 === 0 && String(item).toLowerCase() === 'content-encoding')
      if (at >= 0) return String(arg[at + 1])
    } else if (arg && typeof arg === 'object') {
      const found = Object.entries(arg).find(([name]) => name.toLowerCase() === 'content-encoding')
      if (found) return String(found[1])
    }
  }
  return null
}

/** A page's tag: a digest of its body as rendered, so any change to what it shows changes it. */
const etagOf = (body: Buffer): string => `W/"${createHash('sha1').update(body).digest('base64url')}"`

type Store = {
  /** The UK day the stored pages were rendered on, and when it is next worth checking whether it has turned. */
  day: { checkAt: number; value: string }
  entries: LRUCache<string, Entry>
  generation: number
  listeners: Set<() => void>
}

// One store per process, shared by the Express layer and Payload's hooks whichever module copy loads it.
const STORE_KEY = Symbol.for('diabetes-hub.page-cache')
const store = (): Store => {
  const holder = globalThis as unknown as Record<symbol, Store | undefined>
  // Least recently used out first, counted in bytes: each page's body and compressed copies.
  holder[STORE_KEY] ??= {
    day: { checkAt: 0, value: '' },
    entries: new LRUCache<string, Entry>({ maxSize: MAX_BYTES, sizeCalculation: sizeOf }),
    generation: 0,
    listeners: new Set(),
  }
  return holder[STORE_KEY]
}

const MAX_BYTES = 64 * 1024 * 1024
const MAX_ENTRY_BYTES = 2 * 1024 * 1024
// Per request (date, connection) or added to every answer by the server (security headers, request id).
const SKIP_HEADERS = new Set([
  'connection',
  // Set by the server's compression on the way out, never by the page (a page that was is not stored).
  'content-encoding',
  'content-length',
  'content-security-policy',
  'cross-origin-opener-policy',
  'date',
  // The cache's own tag, over the body as stored, replaces any the page came with.
  'etag',
  'keep-alive',
  'permissions-policy',
  'referrer-policy',
  'set-cookie',
  'strict-transport-security',
  'transfer-encoding',
])
// Search follows the index, which trails content changes by a poll, so its pages are never cached; the
// newsletter's confirmation and preference pages are personal (their addresses carry a subscriber's token).
const UNCACHED_PREFIXES = [
  `${NEXT_ASSETS}/`,
  ADMIN,
  API,
  `${ASSETS}/`,
  FEEDBACK,
  HEALTHZ,
  LOGIN,
  LOGOUT,
  `${NEWSLETTER}/`,
  PREVIEW,
  READYZ,
  SEARCH,
]

/** Drops every cached page, here and (through the listeners, e.g. PostgreSQL NOTIFY) on other instances. */
export const invalidatePageCache = ({ broadcast = true }: { broadcast?: boolean } = {}): void => {
  const current = store()
  current.entries.clear()
  current.generation++
  if (broadcast) for (const listener of current.listeners) listener()
}

export const onPageCacheInvalidated = (listener: () => void): (() => void) => {
  store().listeners.add(listener)
  return () => store().listeners.delete(listener)
}

export const pageCacheStats = () => ({
  bytes: store().entries.calculatedSize,
  entries: store().entries.size,
  generation: store().generation,
})

/** Without a way to check credentials, only requests carrying none are cached. */
const anonymousOnly = async (req: Pick<Request, 'headers'>): Promise<null | PageAudience> => (hasCredentials(req) ? null : 'anonymous')

// Next's client-side navigation asks the same URL for a different representation (the RSC payload).
const isNextDataRequest = (req: Pick<IncomingMessage, 'headers'>): boolean =>
  Boolean(req.headers.rsc || req.headers['next-router-state-tree'] || req.headers['next-router-prefetch'])

const cacheable = ({ req, url }: { req: Pick<IncomingMessage, 'headers' | 'method'>; url: string }): boolean =>
  (req.method === 'GET' || req.method === 'HEAD') && !isNextDataRequest(req) && !UNCACHED_PREFIXES.some((prefix) => url.startsWith(prefix))

/**
 * Pages say what is open, due or overdue today (consultations, reviews), so none outlives the UK day it was
 * rendered on: at midnight in London the cache starts afresh. Each instance checks its own clock, at most
 * once a second.
 */
const DAY_CHECK_MS = 1000
const dropYesterdaysPages = () => {
  const { day } = store()
  const now = Date.now()
  // Within a second of the last check; a clock set back (checkAt far ahead) is checked at once.
  if (now < day.checkAt && now >= day.checkAt - DAY_CHECK_MS) return
  day.checkAt = now + DAY_CHECK_MS
  const today = ukDay(new Date(now))
  if (today === day.value) return
  if (day.value) invalidatePageCache({ broadcast: false })
  day.value = today
}

/** The stored page for this audience and address (as requested, query included), marked as just used. */
const lookUp = ({ audience, url }: { audience: PageAudience; url: string }): Entry | undefined => {
  dropYesterdaysPages()
  return store().entries.get(`${audience} ${url}`)
}

/**
 * Answers a request from the cache with no framework in between, when its audience is known without a
 * database read and its page is stored: the bytes sent, or null when it was not (nothing has been written).
 * `headers` are the ones every answer carries (security headers, request id).
 */
export const answerFromPageCache = ({
  audience,
  headers,
  req,
  res,
}: {
  audience: PageAudience
  headers: string[]
  req: IncomingMessage
  res: ServerResponse
}): null | number => {
  const url = req.url ?? ''
  if (!cacheable({ req, url })) return null
  const hit = lookUp({ audience, url })
  if (!hit) return null
  const unchanged = notModified({ entry: hit, req })
  if (unchanged) {
    res.writeHead(304, [...headers, ...unchanged])
    res.end()
    return 0
  }
  const { body, headers: stored } = representation({ acceptEncoding: req.headers['accept-encoding'], entry: hit })
  res.writeHead(hit.status, [...headers, ...stored])
  res.end(req.method === 'HEAD' ? undefined : body)
  return body.length
}

/** Bytes an entry holds: its body and its compressed copies. */
const sizeOf = (entry: Entry): number => entry.body.length + (entry.encoded.br?.length ?? 0) + (entry.encoded.gzip?.length ?? 0)

// A page too big to be worth its room is not stored.
const remember = ({ entry, key }: { entry: Entry; key: string }) => {
  if (entry.body.length <= MAX_ENTRY_BYTES) store().entries.set(key, entry)
}

/**
 * Serves GETs of site pages from memory, one copy per audience (anonymous, signed in without a role,
 * professional): pages differ by audience, not by person, and hold nothing personal (the header offers
 * "Sign out", never a name). Pages are stored after a 200 HTML/XML render and dropped as a whole whenever
 * content changes (publish, unpublish, edit, delete), so a cached read never touches the content tables and
 * never outlives the content it shows. Staff always get a fresh render.
 */
export const pageCache =
  ({ audienceOf = anonymousOnly }: { audienceOf?: (req: Request) => Promise<null | PageAudience> } = {}): RequestHandler =>
  (req: Request, res: Response, next: NextFunction) => {
    if (!cacheable({ req, url: req.path })) return next()
    audienceOf(req).then((audience) => (audience ? serve({ audience, next, req, res }) : next()), next)
  }

const serve = ({ audience, next, req, res }: { audience: PageAudience; next: NextFunction; req: Request; res: Response }) => {
  const key = `${audience} ${req.originalUrl}`
  const hit = lookUp({ audience, url: req.originalUrl })
  if (hit) {
    const unchanged = notModified({ entry: hit, req })
    if (unchanged) {
      res.status(304)
      for (let index = 0; index < unchanged.length; index += 2) res.setHeader(unchanged[index]!, unchanged[index + 1]!)
      res.end()
      return
    }
    const { body, headers } = representation({ acceptEncoding: req.headers['accept-encoding'], entry: hit })
    res.status(hit.status)
    for (let index = 0; index < headers.length; index += 2) res.setHeader(headers[index]!, headers[index + 1]!)
    res.end(req.method === 'HEAD' ? undefined : body)
    return
  }
  if (req.method !== 'GET') return next()
  const generation = store().generation
  res.setHeader('X-Cache', 'MISS')
  const chunks: Buffer[] = []
  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  const end = res.end.bind(res) as (...args: unknown[]) => Response
  // Whether the page itself came encoded, read as its headers go out and before the server's compression (which
  // sets Content-Encoding in its own hook on the way) sees them.
  let upstreamEncoding: unknown
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response
  res.writeHead = ((...args: unknown[]) => {
    upstreamEncoding ??= res.getHeader('content-encoding') ?? encodingAmong(args) ?? null
    return writeHead(...args)
  }) as Response['writeHead']
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return
    chunks.push(
      Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding),
    )
  }
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0])
    return write(chunk, ...rest)
  }) as Response['write']
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    // A page sent whole (no write before its end) has its headers still unsent here.
    if (!res.headersSent) upstreamEncoding ??= res.getHeader('content-encoding') ?? null
    collect(chunk, rest[0])
    const type = String(res.getHeader('content-type') ?? '')
    const storable =
      res.statusCode === 200 &&
      /^(text\/html|application\/(atom\+)?xml|text\/xml|text\/plain)/.test(type) &&
      !res.getHeader('set-cookie') &&
      // Stored as rendered; a body something already compressed is left alone.
      !upstreamEncoding &&
      store().generation === generation
    if (storable) {
      const headers = Object.entries(res.getHeaders())
        .filter(([name, value]) => !SKIP_HEADERS.has(name) && value !== undefined && !name.startsWith('x-'))
        .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)] as [string, string])
      const body = Buffer.concat(chunks)
      const entry: Entry = { audience, body, encoded: {}, etag: etagOf(body), headers, status: 200, wire: {} }
      remember({ entry, key })
      compressEntry({ entry, key })
    }
    return end(chunk, ...rest)
  }) as Response['end']
  next()
}
