import type { CollectionConfig } from 'payload'

import { adminOnly, contentStaffOnly, nobody } from '../../src/lib/access'

/**
 * Results of the link check: content staff read them (they show which pages use each address); only the
 * check writes them (through the Local API with access overridden). Administrators may delete a row, which
 * the next check writes again if the address is still in use.
 */
export const linkChecksAccess: CollectionConfig['access'] = {
  create: nobody,
  delete: adminOnly,
  read: contentStaffOnly,
  update: nobody,
}
