import type { AdminViewConfig, CollectionConfig, Config, Endpoint, GlobalConfig, Plugin, TaskConfig } from 'payload'

import type { SeedStep } from '../../seed/content/steps'
import type { StaffView, StartupStep } from './registry'

import { jobsAutoRun } from '../lib/env'
import { withLease } from '../lib/jobs/lease'
import { seedStepsOf } from '../../seed/content/steps'
import { staffViewsOf, startupStepsOf } from './registry'

/** A queue a capability runs its jobs on, checked on its own schedule. */
export type CapabilityQueue = { cron: () => string; limit: number; queue: string }

/** Everything one capability adds to the hub. */
export type Capability = {
  collections?: CollectionConfig[]
  endpoints?: Endpoint[]
  globals?: GlobalConfig[]
  queues?: CapabilityQueue[]
  /** Its part of the starting content (seed/content), run on every start and by `npm run seed`. */
  seeds?: SeedStep[]
  /** Work each start does once the schema is up to date, before the seed (under the start-up lock). */
  startup?: StartupStep[]
  staffViews?: StaffView[]
  // Tasks of every input and output type go through here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tasks?: TaskConfig<any>[]
}

const withQueues = ({ autoRun, queues }: { autoRun: NonNullable<Config['jobs']>['autoRun']; queues: CapabilityQueue[] }) => {
  if (!queues.length) return autoRun
  return async (...args: Parameters<Extract<typeof autoRun, (...args: never[]) => unknown>>) => {
    const earlier = typeof autoRun === 'function' ? await autoRun(...args) : (autoRun ?? [])
    // Web processes of a multi-instance deployment leave jobs to the worker (JOBS_AUTORUN=false).
    if (!jobsAutoRun()) return earlier
    return [...earlier, ...queues.map(({ cron, limit, queue }) => ({ cron: cron(), limit, queue, silent: { info: true } }))]
  }
}

/**
 * A local Payload plugin adding one capability: its collections (configs in collections/<slug>/), globals,
 * endpoints, jobs (each task holding a lease on its job while it runs, see lib/jobs/lease) and queues, and
 * staff views with their sidebar links. Removing the plugin from payload.config.ts removes all of it.
 */
export const capabilityPlugin =
  (capability: Capability): Plugin =>
  (config) => {
    const {
      collections = [],
      endpoints = [],
      globals = [],
      queues = [],
      seeds = [],
      startup = [],
      staffViews = [],
      tasks = [],
    } = capability
    const views = Object.fromEntries(
      staffViews.map((view): [string, AdminViewConfig] => [
        view.key,
        { Component: view.component, meta: { title: view.label }, path: view.path },
      ]),
    )
    return {
      ...config,
      admin: {
        ...config.admin,
        components: { ...config.admin?.components, views: { ...config.admin?.components?.views, ...views } },
        custom: { ...config.admin?.custom, staffViews: [...staffViewsOf(config), ...staffViews] },
      },
      collections: [...(config.collections ?? []), ...collections],
      custom: { ...config.custom, seedSteps: [...seedStepsOf(config), ...seeds], startupSteps: [...startupStepsOf(config), ...startup] },
      endpoints: [...(config.endpoints ?? []), ...endpoints],
      globals: [...(config.globals ?? []), ...globals],
      jobs: {
        ...config.jobs,
        autoRun: withQueues({ autoRun: config.jobs?.autoRun, queues }),
        tasks: [...(config.jobs?.tasks ?? []), ...tasks.map(withLease)],
      },
    }
  }
