import type { Payload } from 'payload'

import type { Role } from '../src/lib/access'

import { ROLES } from '../src/lib/access'
import { generatePassword } from '../src/lib/auth/password-policy'
import { env } from '../src/lib/env'

type Log = (message: string) => void

/**
 * The first administrator: from ADMIN_EMAIL/ADMIN_PASSWORD, or a generated one-time password printed once.
 * An account on a generated password holds no role until its owner sets a new password.
 */
export const ensureFirstAdmin = async ({ log, payload }: { log: Log; payload: Payload }): Promise<void> => {
  const admins = await payload.count({ collection: 'users', where: { roles: { contains: 'admin' } } })
  if (admins.totalDocs > 0) return
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: given } = env()
  const password = given || generatePassword()
  await payload
    .create({
      collection: 'users',
      data: { email, mustChangePassword: !given, name: 'Administrator', password, roles: ['admin'] },
    })
    .catch((error: { data?: { errors?: { message: string }[] }; message: string }) => {
      const reasons = error.data?.errors?.map((problem) => problem.message).join(' ') || error.message
      throw new Error(`Cannot create the first administrator ${email}: ${reasons} (set ADMIN_EMAIL/ADMIN_PASSWORD)`)
    })
  if (given) {
    log(`Created the first administrator ${email} (password from ADMIN_PASSWORD).`)
    return
  }
  log(
    [
      '',
      '  First administrator created. Sign in at /admin and set your own password:',
      `    email:              ${email}`,
      `    one-time password:  ${password}`,
      '  This password is shown once and grants no access until it is changed.',
      '',
    ].join('\n'),
  )
}

/** One account per role for local development, e.g. editor@diabetes-hub.local. */
export const ensureDevUsers = async ({ log, payload }: { log: Log; payload: Payload }): Promise<void> => {
  const created: string[] = []
  const password = env().DEV_USERS_PASSWORD || generatePassword()
  for (const role of ROLES as readonly Role[]) {
    const email = `${role}@diabetes-hub.local`
    const existing = await payload.count({ collection: 'users', where: { email: { equals: email } } })
    if (existing.totalDocs > 0) continue
    await payload.create({ collection: 'users', data: { email, name: `Development ${role}`, password, roles: [role] } })
    created.push(email)
  }
  if (created.length) log(`Development accounts created (password: ${password}): ${created.join(', ')}`)
}
