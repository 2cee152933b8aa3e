import type { CollectionAfterLogoutHook, CollectionBeforeChangeHook, PayloadRequest, SanitizedConfig, Where } from 'payload'

import { Forbidden } from 'payload'

import { canUseAdminPanel } from './index'

const LOCKS = 'payload-locked-documents'

type LockTarget = { document?: { relationTo: string; value: number | string } | null; globalSlug?: null | string }
type LockRow = LockTarget & { user?: { relationTo: string; value: number | string | { id: number | string } } }

const idOf = (value: unknown): number | string | undefined =>
  value && typeof value === 'object' ? (value as { id?: number | string }).id : (value as number | string | undefined)

/** May this user update the document (or global) a lock is for? Asks the target's own update rule. */
const canUpdateTarget = async ({ req, target }: { req: PayloadRequest; target: LockTarget }): Promise<boolean> => {
  if (target.globalSlug) {
    const global = req.payload.config.globals.find((each) => each.slug === target.globalSlug)
    return global ? (await global.access.update?.({ req })) === true : false
  }
  const slug = target.document?.relationTo
  const id = idOf(target.document?.value)
  const collection = slug ? req.payload.collections[slug as keyof typeof req.payload.collections] : undefined
  if (!collection || id === undefined) return false
  const allowed = await collection.config.access.update?.({ id: id as never, req })
  if (allowed === true) return true
  if (!allowed) return false
  // A rule that narrows to some documents: is this one of them?
  const { totalDocs } = await req.payload.count({
    collection: slug as never,
    overrideAccess: true,
    req,
    where: { and: [{ id: { equals: id } }, allowed as Where] },
  })
  return totalDocs > 0
}

/** A lock is always taken as oneself, and only on something one may edit. */
const lockAsYourself: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  // Payload's admin writes its own locks straight to the database; a call without a user is trusted server code.
  if (!req.user) return data
  const target: LockTarget = { document: data.document ?? originalDoc?.document, globalSlug: data.globalSlug ?? originalDoc?.globalSlug }
  if (!(await canUpdateTarget({ req, target }))) throw new Forbidden(req.t)
  return { ...data, user: { relationTo: req.user.collection, value: req.user.id } }
}

/**
 * Payload's document locks let any signed-in account create, read and delete them, so an account with no
 * role could lock a page against its clinical reviewer. Here only staff who may use the admin see locks;
 * a lock is taken only by someone who may update its document, always in their own name; and it is removed
 * by its holder or by someone who may update the document (taking over). The collection is added by Payload
 * while it builds the config, so the rules are set on the built config.
 */
export const guardDocumentLocks = (config: SanitizedConfig): SanitizedConfig => {
  const locks = config.collections.find((collection) => collection.slug === LOCKS)
  if (!locks) return config
  const staff = ({ req }: { req: PayloadRequest }) => canUseAdminPanel({ req })
  locks.access = {
    ...locks.access,
    create: staff,
    delete: async ({ id, req }) => {
      if (!canUseAdminPanel({ req }) || id === undefined) return false
      const lock = (await req.payload.findByID({
        collection: LOCKS as never,
        depth: 0,
        disableErrors: true,
        id,
        overrideAccess: true,
        req,
      })) as LockRow | null
      if (!lock) return false
      if (String(idOf(lock.user?.value)) === String(req.user?.id)) return true
      return canUpdateTarget({ req, target: lock })
    },
    read: staff,
    update: staff,
  }
  locks.hooks.beforeChange = [...(locks.hooks.beforeChange ?? []), lockAsYourself]
  return config
}

/** Signing out ends the locks taken in that session, so nobody is left locked out by someone who has gone. */
export const releaseLocksOnLogout: CollectionAfterLogoutHook = async ({ req }) => {
  if (!req.user || !req.payload.collections[LOCKS as keyof typeof req.payload.collections]) return
  await req.payload.db.deleteMany({ collection: LOCKS, req, where: { 'user.value': { equals: req.user.id } } })
}
