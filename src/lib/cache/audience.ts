import type { IncomingHttpHeaders } from 'node:http'
import type { Payload } from 'payload'

import { executeAuthStrategies } from 'payload'

import { canReadProfessionalContent, hasRole, STAFF_ROLES } from '../access'

/**
 * Who a page is rendered for, as far as the site's pages differ: nobody signed in, an account that reads
 * public content only, or a professional. Staff are null (never cached): their pages show drafts and what
 * their own groups hold, so they may differ from person to person.
 */
export type PageAudience = 'anonymous' | 'professional' | 'signed-in'

type WithHeaders = { headers: IncomingHttpHeaders }

const TOKEN_COOKIE = /(?:^|;\s*)payload-token=([^;]*)/

export const hasCredentials = (req: WithHeaders): boolean =>
  TOKEN_COOKIE.test(req.headers.cookie ?? '') || Boolean(req.headers.authorization)

/**
 * What a session cookie was found to be, so that a reader's every page is not another read of the account.
 * Kept until the token expires or a minute has passed, and dropped by any change to any account (sign-out,
 * roles, password, deletion) here and on other instances (`forgetSessions`).
 */
type Memo = { audience: null | PageAudience; until: number }

const MEMO_MS = 60_000
const MEMO_MAX = 10_000

type SessionStore = { generation: number; listeners: Set<() => void>; memo: Map<string, Memo> }

// One store per process, shared by the server and Payload's hooks whichever module copy loads them.
const SESSIONS_KEY = Symbol.for('diabetes-hub.page-audiences')
const sessions = (): SessionStore => {
  const holder = globalThis as unknown as Record<symbol, SessionStore | undefined>
  holder[SESSIONS_KEY] ??= { generation: 0, listeners: new Set(), memo: new Map() }
  return holder[SESSIONS_KEY]
}

/** The session cookie's token when it is the request's only credential (an API key or header is checked every time). */
const cookieToken = (req: WithHeaders): null | string => {
  if (req.headers.authorization) return null
  const token = TOKEN_COOKIE.exec(req.headers.cookie ?? '')?.[1]
  return token || null
}

/** When a JWT says it expires, in ms; null when it cannot be read (then it is not remembered). */
const expiresAt = (token: string): null | number => {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown }
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null
  } catch {
    return null
  }
}

/** Drops every remembered session, here and (through the listeners, e.g. PostgreSQL NOTIFY) on other instances. */
export const forgetSessions = ({ broadcast = true }: { broadcast?: boolean } = {}): void => {
  const store = sessions()
  store.memo.clear()
  store.generation++
  if (broadcast) for (const listener of store.listeners) listener()
}

// Payload commits an account change after its hooks run: a check made in between could still read the account
// as it was and be remembered, so an account change is forgotten again once it has had time to commit.
const AFTER_COMMIT_MS = 2_000
let pendingForgets = 0

/** For an account changed (or signed out) just now: forget every session now, and again after the commit. */
export const forgetSessionsAfterChange = (): void => {
  forgetSessions()
  pendingForgets++
  setTimeout(() => {
    pendingForgets--
    forgetSessions()
  }, AFTER_COMMIT_MS).unref()
}

/** Whether a second forgetting is still to come (tests wait for it before counting reads). */
export const sessionForgetsPending = (): boolean => pendingForgets > 0

export const onSessionsForgotten = (listener: () => void): (() => void) => {
  sessions().listeners.add(listener)
  return () => sessions().listeners.delete(listener)
}

/**
 * The audience of a request when it is known without a database read: anonymous without credentials, or a
 * session cookie checked recently. Undefined when it has to be checked (`requestAudience`).
 */
export const knownAudience = (req: WithHeaders): null | PageAudience | undefined => {
  if (!hasCredentials(req)) return 'anonymous'
  const token = cookieToken(req)
  if (!token) return undefined
  const store = sessions()
  const memo = store.memo.get(token)
  if (!memo) return undefined
  if (memo.until > Date.now()) return memo.audience
  store.memo.delete(token)
  return undefined
}

const remember = ({ audience, generation, token }: { audience: null | PageAudience; generation: number; token: string }) => {
  const store = sessions()
  // An account changed while this one was being checked: what was read may be from before the change.
  if (store.generation !== generation) return
  const expires = expiresAt(token)
  if (expires === null) return
  if (store.memo.size >= MEMO_MAX) store.memo.delete(store.memo.keys().next().value!)
  store.memo.set(token, { audience, until: Math.min(expires, Date.now() + MEMO_MS) })
}

const webHeaders = (req: WithHeaders): Headers => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  return headers
}

/**
 * The audience of a request, checked as Payload checks it for the page itself (signature, expiry and a session
 * that has not been ended), so a cached page is never served to anyone the render would not show it to.
 * Payload's auth strategies alone: `payload.auth` also works out every collection's permissions, which a
 * page does not use and which costs more than serving the cached page.
 * Null when the request must be rendered: staff, or a check that could not be made (e.g. the database is down).
 */
export const requestAudience =
  ({ payload }: { payload: Payload }) =>
  async (req: WithHeaders): Promise<null | PageAudience> => {
    const known = knownAudience(req)
    if (known !== undefined) return known
    const token = cookieToken(req)
    const generation = sessions().generation
    try {
      const { user } = await executeAuthStrategies({ headers: webHeaders(req), payload })
      const audience: null | PageAudience = !user
        ? 'anonymous'
        : hasRole({ roles: STAFF_ROLES, user })
          ? null
          : canReadProfessionalContent(user)
            ? 'professional'
            : 'signed-in'
      // A token that did not check out is not remembered: it costs its sender a read each time, not the memo a slot.
      if (token && user) remember({ audience, generation, token })
      return audience
    } catch {
      return null
    }
  }
