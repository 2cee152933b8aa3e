import type { Payload } from 'payload'

import type { Role } from '../lib/access/roles'

/**
 * What the capability plugins register on the config for the rest of the hub to read: staff views (the admin
 * sidebar) and start-up steps (boot). Types and readers only, so the admin's components and the server's boot
 * read them without loading the plugins.
 */

/** A staff view in the admin: its page, and the sidebar link shown only to the roles it is for. */
export type StaffView = {
  /** Import path of the server component, as Payload's import map names it. */
  component: string
  key: string
  label: string
  path: `/${string}`
  roles: readonly Role[]
  /** A view opened from a record or an email (a path with a parameter), not listed in the sidebar. */
  unlisted?: boolean
}

export type StartupStep = (args: { payload: Payload }) => Promise<unknown>

/** The start-up steps the capabilities registered, in plugin order (see src/server/boot.ts). */
export const startupStepsOf = (config: { custom?: Record<string, unknown> }): StartupStep[] =>
  (config.custom?.startupSteps as StartupStep[] | undefined) ?? []

/** Where the sidebar finds the staff views the capabilities added (see components/admin/StaffNavLinks). */
export const staffViewsOf = (config: { admin?: { custom?: Record<string, unknown> } }): StaffView[] =>
  (config.admin?.custom?.staffViews as StaffView[] | undefined) ?? []
