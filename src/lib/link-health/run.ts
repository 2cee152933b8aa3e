import type { CollectionSlug, Payload, Where } from 'payload'

import type { CheckResult } from './check'
import type { LinkOutcome, LinkUsage } from './options'
import type { RetiredService } from './retired'

import { ukDay } from '../dates/uk-day'
import { env, serverURL } from '../env'
import { letOthersRun } from '../jobs/yield'
import { checkUrl } from './check'
import { isInternalHost, resolvesToPublic } from './network'
import { findInValue, hostOf, hostWithin, isExternal, normaliseUrl } from './extract'
import { forEachLimited } from './limit'
import { LINK_CHECKS, LINK_SOURCES, PROBLEM_OUTCOMES, RETIRED_SERVICES, usageKey } from './options'
import { retiredHost, retiredNumbers, retiredReason } from './retired'

/** Documents read per query while collecting links. */
const BATCH = 100

/** What the hub tells the sites it asks: who is asking, and where to find the hub. */
export const linkCheckUserAgent = (): string =>
  `DiabetesNetworkHub-LinkCheck/1.0 (Diabetes Network Hub link checker${serverURL() ? `; +${serverURL()}` : ''})`

/** LINK_CHECK_HOSTS as a list; empty means every host. */
export const allowedHosts = (): string[] =>
  (env().LINK_CHECK_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean)

type Use = { retired: null | RetiredService; usedBy: Map<string, LinkUsage> }

const retiredServicesOf = async ({ payload }: { payload: Payload }): Promise<RetiredService[]> => {
  const settings = (await payload.findGlobal({ slug: RETIRED_SERVICES, depth: 0, overrideAccess: true })) as {
    services?: null | RetiredService[]
  }
  return settings.services ?? []
}

/**
 * Every address and retired number in published content, with the documents using each: external http(s)
 * links (not the hub's own origin) and `tel:` addresses of retired numbers, whether linked or only written.
 */
export const collectLinks = async ({ payload, services }: { payload: Payload; services: RetiredService[] }): Promise<Map<string, Use>> => {
  const uses = new Map<string, Use>()
  const own = serverURL()
  const add = ({ retired, url, usage }: { retired: null | RetiredService; url: string; usage: LinkUsage }) => {
    const use = uses.get(url) ?? { retired, usedBy: new Map() }
    use.usedBy.set(usage.key, usage)
    uses.set(url, use)
  }
  for (const source of LINK_SOURCES) {
    if (!(source.collection in payload.collections)) continue
    const collection = source.collection as CollectionSlug
    const titleField = payload.collections[collection].config.admin.useAsTitle ?? 'id'
    const where: Where = source.publishedStatuses ? { status: { in: [...source.publishedStatuses] } } : { _status: { equals: 'published' } }
    const select = Object.fromEntries([titleField, ...source.fields].map((field) => [field, true]))
    for (let page = 1, more = true; more; page++) {
      const result = await payload.find({
        collection,
        depth: 0,
        draft: false,
        limit: BATCH,
        overrideAccess: true,
        page,
        select,
        sort: 'id',
        where,
      })
      more = result.hasNextPage
      for (const doc of result.docs as unknown as Record<string, unknown>[]) {
        const id = doc.id as number | string
        const usage: LinkUsage = {
          collection: source.collection,
          docId: String(id),
          key: usageKey({ collection: source.collection, id }),
          title: String(doc[titleField] ?? `#${id}`).slice(0, 300),
        }
        const found = findInValue({ value: source.fields.map((field) => doc[field]) })
        for (const raw of found.urls) {
          const url = normaliseUrl({ url: raw })
          if (!url) continue
          if (url.startsWith('tel:')) {
            for (const [tel, service] of retiredNumbers({ services, text: url.slice(4) })) add({ retired: service, url: tel, usage })
          } else if (isExternal({ ownOrigin: own, url })) add({ retired: retiredHost({ host: hostOf({ url }), services }), url, usage })
        }
        for (const [tel, service] of retiredNumbers({ services, text: found.text.join('\n') })) add({ retired: service, url: tel, usage })
      }
      await letOthersRun()
    }
  }
  return uses
}

type Row = {
  id: number | string
  lastCheckedDay?: null | string
  outcome: LinkOutcome
  problemSince?: null | string
  url: string
  usedBy?: null | LinkUsage[]
}

const existingRows = async ({ payload }: { payload: Payload }): Promise<Map<string, Row>> => {
  const rows = new Map<string, Row>()
  for (let page = 1, more = true; more; page++) {
    const result = await payload.find({
      collection: LINK_CHECKS,
      depth: 0,
      limit: 500,
      overrideAccess: true,
      page,
      select: { lastCheckedDay: true, outcome: true, problemSince: true, url: true, usedBy: true },
      sort: 'id',
    })
    more = result.hasNextPage
    for (const row of result.docs as unknown as Row[]) rows.set(row.url, row)
  }
  return rows
}

export type LinkCheckSummary = { broken: number; checked: number; redirected: number; retired: number; skipped: number }

export type LinkCheckOptions = {
  fetchImpl?: typeof fetch
  /**
   * Only these hosts (and their subdomains) are asked; when empty, every host but the hub's own machine and
   * network (see isInternalHost). LINK_CHECK_HOSTS by default.
   */
  hosts?: string[]
  now?: Date
  payload: Payload
  /** Requests at once to one host, and in all. */
  perHost?: number
  timeoutMs?: number
  total?: number
}

const sameUsage = ({ a, b }: { a: LinkUsage[]; b: LinkUsage[] }) =>
  a.length === b.length && a.every((usage, index) => usage.key === b[index]?.key && usage.title === b[index]?.title)

/**
 * The link check: collects the addresses published content uses, asks each external one that has not been
 * asked today (UK day) with bounded concurrency, flags retired services without asking, and writes one row per
 * address, deleting the rows of addresses no longer used.
 */
export const checkLinks = async ({
  fetchImpl,
  hosts = allowedHosts(),
  now = new Date(),
  payload,
  perHost = 2,
  timeoutMs = env().LINK_CHECK_TIMEOUT_MS,
  total = 8,
}: LinkCheckOptions): Promise<LinkCheckSummary> => {
  const services = await retiredServicesOf({ payload })
  const uses = await collectLinks({ payload, services })
  const rows = await existingRows({ payload })
  const today = ukDay(now)
  const allowed = (url: string) => {
    const host = hostOf({ url })
    return hosts.length ? hosts.some((domain) => hostWithin({ domain, host })) : !isInternalHost({ host })
  }
  // Hosts named in LINK_CHECK_HOSTS are asked wherever they are; any other must also resolve to public addresses.
  const mayAsk = async (url: string) => allowed(url) && (hosts.length > 0 || resolvesToPublic({ host: hostOf({ url }) }))

  const toAsk = [...uses]
    .filter(([url, use]) => !use.retired && allowed(url) && rows.get(url)?.lastCheckedDay !== today)
    .map(([url]) => url)
  const results = new Map<string, CheckResult>()
  const userAgent = linkCheckUserAgent()
  await forEachLimited({
    hostOf: (url) => hostOf({ url }),
    items: toAsk,
    perHost,
    total,
    work: async (url) => {
      results.set(url, await checkUrl({ fetchImpl, mayAsk, timeoutMs, url, userAgent }))
    },
  })

  const summary: LinkCheckSummary = { broken: 0, checked: results.size, redirected: 0, retired: 0, skipped: 0 }
  for (const [url, use] of uses) {
    const row = rows.get(url)
    const result = results.get(url)
    const usedBy = [...use.usedBy.values()].sort((a, b) => a.key.localeCompare(b.key))
    // A host outside LINK_CHECK_HOSTS that was never checked gets no row: there is nothing to say about it.
    if (!use.retired && !result && !row) {
      summary.skipped++
      continue
    }
    // Retired addresses need no request; their row is written again at most once a day too.
    const retiredToday = row?.outcome === 'retired' && row.lastCheckedDay === today
    const found = use.retired
      ? retiredToday
        ? undefined
        : { chain: [], error: null, finalUrl: null, outcome: 'retired' as const, statusCode: null }
      : result
    const outcome = found?.outcome ?? row!.outcome
    if (outcome === 'broken' || outcome === 'redirected' || outcome === 'retired') summary[outcome]++
    if (!found && row && sameUsage({ a: row.usedBy ?? [], b: usedBy })) continue
    const isProblem = PROBLEM_OUTCOMES.includes(outcome)
    const data = {
      host: hostOf({ url }),
      usedBy,
      ...(found && {
        error: found.error,
        finalUrl: found.finalUrl,
        lastCheckedAt: now.toISOString(),
        lastCheckedDay: today,
        outcome,
        problemSince: isProblem ? (row?.outcome === outcome && row.problemSince ? row.problemSince : now.toISOString()) : null,
        redirects: found.chain,
        retiredService: use.retired ? retiredReason({ service: use.retired }) : null,
        statusCode: found.statusCode,
      }),
    }
    if (row) await payload.update({ collection: LINK_CHECKS, data: data as never, depth: 0, id: row.id, overrideAccess: true })
    else await payload.create({ collection: LINK_CHECKS, data: { ...data, url } as never, depth: 0, overrideAccess: true })
    await letOthersRun()
  }
  const gone = [...rows.values()].filter((row) => !uses.has(row.url)).map((row) => row.id)
  if (gone.length) await payload.delete({ collection: LINK_CHECKS, overrideAccess: true, where: { id: { in: gone } } })
  return summary
}
