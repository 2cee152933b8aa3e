import type { Payload } from 'payload'

import { env } from '../src/lib/env'
import { ensureContent } from './content'
import { ensureSearchSettings, ensureSiteSettings } from './site-settings'
import { ensureDevUsers, ensureFirstAdmin } from './users'

export const devUsersWanted = (): boolean => env().SEED_DEV_USERS ?? env().NODE_ENV === 'development'

/**
 * Loads the starting content. Every step is idempotent: it adds what is missing and leaves what exists,
 * so it runs on each start and on `npm run seed` without duplicating or overwriting anything.
 */
export const seed = async ({ log, payload }: { log: (message: string) => void; payload: Payload }): Promise<void> => {
  await ensureSiteSettings({ payload })
  await ensureSearchSettings({ payload })
  await ensureFirstAdmin({ log, payload })
  if (devUsersWanted()) await ensureDevUsers({ log, payload })
  // After the first admin, who owns the seeded guidance pages.
  await ensureContent({ log, payload })
}
