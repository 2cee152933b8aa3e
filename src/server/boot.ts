import type { Payload } from 'payload'

import type { OptionalCapability } from '../plugins'

import { getPayload } from 'payload'

import { migrateDatabase } from '../lib/db/migrate'
import { survivePostgresDisconnects } from '../lib/db/postgres-pool'
import { serialiseSqliteWrites } from '../lib/db/sqlite-connections'
import { withStartupLock } from '../lib/db/startup-lock'
import { databaseSettings } from '../lib/env'
import { useRateLimitStore } from '../lib/http/rate-limit'
import { startupStepsOf } from '../plugins/registry'
import { loadConfig } from './load-config'

/**
 * Connects Payload and brings the database schema up to date, then runs `prepare` (the seed) under the same
 * start-up lock, so instances started together migrate and seed one at a time and each step runs once. The
 * instance is cached process-wide, so the Next.js routes in the same process reuse it (one pool, one job
 * runner). Job crons start only after that, so no job touches a table that does not exist yet.
 */
export const bootPayload = async ({
  cron,
  migrateOnly = false,
  prepare,
  without,
}: {
  cron: boolean
  /** Only bring the schema up to date, writing no row (a database about to be filled by `db:copy`). */
  migrateOnly?: boolean
  prepare?: (payload: Payload) => Promise<void>
  /** Optional capabilities left out (a hub built without them, as tests/int/plugins-boot checks). */
  without?: OptionalCapability[]
}): Promise<Payload> => {
  const config = await loadConfig({ without })
  const payload = await getPayload({ config, cron: false })
  survivePostgresDisconnects({ payload })
  serialiseSqliteWrites({ busyTimeoutMs: databaseSettings().sqliteBusyTimeoutMs, payload })
  await withStartupLock({
    payload,
    work: async () => {
      await migrateDatabase({ payload })
      if (migrateOnly) return
      for (const step of startupStepsOf(payload.config)) await step({ payload })
      await prepare?.(payload)
    },
  })
  // Counted in the database from here on, shared with the other instances.
  await useRateLimitStore({ payload })
  if (cron) await getPayload({ config, cron: true })
  return payload
}

/** Starts the job crons of an instance booted with `cron: false` (e.g. after seeding). */
export const startJobCrons = async (): Promise<void> => {
  await getPayload({ config: await loadConfig(), cron: true })
}
