import type { Payload } from 'payload'

import { getPayload } from 'payload'

import { migrateDatabase } from '../lib/db/migrate'

/**
 * Connects Payload and brings the database schema up to date. The instance is cached process-wide, so
 * the Next.js routes in the same process reuse it (one pool, one job runner).
 */
export const bootPayload = async ({ cron }: { cron: boolean }): Promise<Payload> => {
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config, cron })
  await migrateDatabase({ payload })
  return payload
}
