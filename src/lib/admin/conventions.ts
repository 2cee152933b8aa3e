import type { CollectionConfig, Config, GlobalConfig } from 'payload'

import { withUkDates } from './uk-dates'

/** How long an edit lock lasts without activity: Payload's default (300 s in its admin and operations), stated here. */
export const LOCK_SECONDS = 300

type Lockable = Pick<CollectionConfig | GlobalConfig, 'lockDocuments'>

const withLockDuration = <T extends Lockable>({ entity }: { entity: T }): T =>
  entity.lockDocuments === undefined ? { ...entity, lockDocuments: { duration: LOCK_SECONDS } } : entity

/**
 * The admin's conventions for every collection and global: UK dates and the edit lock's length. The last
 * plugin, so it reaches what every other plugin added.
 */
export const adminConventions = (config: Config): Config => {
  const dated = withUkDates(config)
  return {
    ...dated,
    collections: dated.collections?.map((collection) => withLockDuration({ entity: collection })),
    globals: dated.globals?.map((global) => withLockDuration({ entity: global })),
  }
}
