import type { Config, SanitizedConfig } from 'payload'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import type { OptionalCapability } from '../../src/plugins'

import fullConfigPromise from '../../payload.config'
import { databaseAdapter } from '../../src/lib/db/adapter'
import { hubPlugins, OPTIONAL_CAPABILITIES } from '../../src/plugins'
import { seedStepsOf } from '../../seed/content/steps'
import { staffViewsOf, startupStepsOf } from '../../src/plugins/registry'

// What each optional capability brings, and nothing else may lose when it is left out.
const OWNED: Record<OptionalCapability, { collections: string[]; seeds: string[]; startup: number; tasks: string[]; views: string[] }> = {
  governance: {
    collections: ['groups', 'meetings', 'actions', 'recommendations'],
    seeds: ['governance'],
    startup: 0,
    tasks: ['remindOverdueActions'],
    views: [],
  },
  newsletter: {
    collections: ['newsletters', 'subscribers', 'newsletter-deliveries'],
    seeds: [],
    startup: 0,
    tasks: ['sendNewsletters', 'newsletterOptInFromQuestion', 'eraseUnconfirmedSubscribers'],
    views: [],
  },
  questionDesk: {
    collections: ['questions'],
    seeds: [],
    startup: 2,
    tasks: ['watchQuestionDeadlines', 'eraseExpiredQuestions'],
    views: ['/question-report'],
  },
}

/** The hub's config with some capabilities left out, built and sanitised as Payload does at start (no database is opened). */
const configWithout = (without: OptionalCapability[]): Promise<SanitizedConfig> => {
  const base: Config = {
    db: databaseAdapter(),
    editor: lexicalEditor(),
    plugins: hubPlugins({ without }),
    secret: 'plugins-test-secret',
  }
  return buildConfig(base)
}

const shapeOf = (config: SanitizedConfig) => ({
  collections: config.collections.map((collection) => collection.slug),
  globals: config.globals.map((global) => global.slug),
  tasks: (config.jobs.tasks ?? []).map((task) => task.slug),
  views: staffViewsOf(config).map((view) => view.path),
  seeds: seedStepsOf(config).map((step) => step.name),
  startup: startupStepsOf(config).length,
  endpoints: (config.endpoints ?? []).map((endpoint) => `${endpoint.method} ${endpoint.path}`),
})

describe('capabilities as plugins', () => {
  it('the full hub is exactly the core plus every plugin', async () => {
    const full = shapeOf(await fullConfigPromise)
    const built = shapeOf(await configWithout([]))
    expect(built).toEqual(full)
    expect(full.collections).toEqual(expect.arrayContaining(Object.values(OWNED).flatMap((owned) => owned.collections)))
    expect(full.tasks).toEqual(expect.arrayContaining(['sendEmail', ...Object.values(OWNED).flatMap((owned) => owned.tasks)]))
    expect(full.views).toEqual(['/reviews-due', '/sign-off/:id', '/feedback-by-page', '/question-report'])
  })

  it.each(OPTIONAL_CAPABILITIES)('leaving out %s removes its collections, jobs and views, and nothing else', async (capability) => {
    const full = shapeOf(await configWithout([]))
    // Building sanitises the config: a relationship to a collection that is no longer there would throw here.
    const reduced = shapeOf(await configWithout([capability]))
    const owned = OWNED[capability]
    expect(reduced.collections).toEqual(full.collections.filter((slug) => !owned.collections.includes(slug)))
    expect(reduced.tasks).toEqual(full.tasks.filter((slug) => !owned.tasks.includes(slug)))
    expect(reduced.views).toEqual(full.views.filter((view) => !owned.views.includes(view)))
    expect(reduced.seeds).toEqual(full.seeds.filter((name) => !owned.seeds.includes(name)))
    expect(reduced.startup).toBe(full.startup - owned.startup)
    expect(reduced.globals).toEqual(full.globals)
    expect(reduced.endpoints).toEqual(full.endpoints)
  })

  it('collections opt in to search indexing and page-cache invalidation on their own config', async () => {
    const config = await configWithout([])
    const optedIn = (what: 'pageCache' | 'searchIndex') =>
      config.collections.filter((collection) => collection.custom?.[what]).map((collection) => collection.slug)
    // Indexed: each one records its changes for the search index to follow.
    for (const slug of optedIn('searchIndex')) {
      const collection = config.collections.find((each) => each.slug === slug)!
      expect(collection.hooks.afterChange.length, slug).toBeGreaterThan(0)
    }
    expect(optedIn('searchIndex').sort()).toEqual(
      [
        'care-areas',
        'commissioning-tips',
        'documents',
        'groups',
        'meetings',
        'pages',
        'parliamentary-questions',
        'questions-and-answers',
        'recommendations',
        'updates',
      ].sort(),
    )
    expect(optedIn('pageCache')).toEqual(expect.arrayContaining(optedIn('searchIndex')))
    // Personal data and logs never reach the cache's invalidation or the index.
    for (const slug of ['questions', 'subscribers', 'users', 'feedback', 'search-changes']) {
      expect(optedIn('pageCache'), slug).not.toContain(slug)
      expect(optedIn('searchIndex'), slug).not.toContain(slug)
    }
  })
})
