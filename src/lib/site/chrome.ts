import type { Payload } from 'payload'

import type { Navigation } from '../../payload-types'
import type { SiteSettingsValue } from './settings'

import { pageCacheStats } from '../cache/page-cache'
import { isDatabaseUnavailable } from '../db/availability'
import { isPolicyKind, POLICY_KINDS } from '../policies/kinds'
import { readSiteSettings } from './settings'

type Link = NonNullable<Navigation['header']>[number]

/**
 * What every site page shows around its content: the settings, the header and footer links, and the links to the
 * published policy pages (privacy, accessibility, cookies, contact), which every footer carries whatever the
 * editors' footer list holds.
 */
export type SiteChrome = SiteSettingsValue & { footer: Link[]; header: Link[]; policies: Link[] }

type Held = { generation: number; value: SiteChrome }

const HOLDER = Symbol.for('diabetes-hub.site-chrome')
const holder = globalThis as unknown as Record<symbol, { held?: Held; reading?: Promise<SiteChrome> } | undefined>
const state = () => (holder[HOLDER] ??= {})

/** Footer links to the policy pages that are published, in the kinds' order. */
const readPolicyLinks = async ({ payload }: { payload: Payload }): Promise<Link[]> => {
  const { docs } = await payload.find({
    collection: 'policies',
    depth: 0,
    limit: POLICY_KINDS.length,
    pagination: false,
    select: { kind: true },
    where: { _status: { equals: 'published' } },
  })
  const published = new Set(docs.map((doc) => doc.kind).filter(isPolicyKind))
  return POLICY_KINDS.filter((kind) => published.has(kind.value)).map((kind) => ({ href: kind.path, label: kind.footerLabel }))
}

const readChrome = async ({ payload }: { payload: Payload }): Promise<SiteChrome> => {
  const [settings, navigation, policies] = await Promise.all([
    readSiteSettings({ payload }),
    payload.findGlobal({ slug: 'navigation', depth: 0 }),
    readPolicyLinks({ payload }),
  ])
  return { ...settings, footer: navigation.footer ?? [], header: navigation.header ?? [], policies }
}

/**
 * Read once per content change, not once per request: any change empties the page cache (on every
 * instance), which moves its generation on, and the next page reads the chrome again. While the database
 * is unreachable the last chrome read is used, so pages that need nothing else (search, the question
 * form and its "not sent" answer) still render.
 */
export const siteChrome = async ({ payload }: { payload: Payload }): Promise<SiteChrome> => {
  const current = state()
  const generation = pageCacheStats().generation
  if (current.held?.generation === generation) return current.held.value
  current.reading ??= readChrome({ payload })
    .then((value) => {
      current.held = { generation, value }
      return value
    })
    .finally(() => {
      current.reading = undefined
    })
  try {
    return await current.reading
  } catch (error) {
    if (current.held && isDatabaseUnavailable(error)) return current.held.value
    throw error
  }
}
