import type { CollectionConfig } from 'payload'

import {
  adminOnlyField,
  adminOrSelfField,
  canUseAdminPanel,
  PERMISSION_LABELS,
  PERMISSIONS,
  ROLE_LABELS,
  ROLES,
} from '../../src/lib/access'
import { releaseLocksOnLogout } from '../../src/lib/access/locks'
import { signUpOverRestOnly } from '../../src/lib/auth/graphql'
import { RESET_EMAIL_SUBJECT, RESET_LINK_MINUTES, resetEmailHtml } from '../../src/lib/auth/password-reset'
import { limitSignIn, refundSuccessfulSignIn, SESSION_SECONDS } from '../../src/lib/auth/sign-in'
import { serverURL } from '../../src/lib/env'
import { validateOptionalText } from '../../src/lib/input/text'
import { emailReadField, rolesReadField, usersAccess } from './access'
import { forgotPasswordEndpoint, signUpEndpoint } from './endpoints'
import { forgetSessionsOnChange, forgetSessionsOnLogout } from './hooks/forgetSessions'
import { guardRoles } from './hooks/guardRoles'
import { clearOneTimePassword, clearOneTimePasswordOnReset } from './hooks/oneTimePassword'
import { enforcePasswordPolicy } from './hooks/passwordPolicy'
import { releaseLocksOnDelete, releaseLocksWhenSessionsEnd } from './hooks/releaseLocks'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { ADMINS } from '../../src/lib/access/roles'

export const Users: CollectionConfig = {
  slug: 'users',
  access: { ...usersAccess, admin: canUseAdminPanel },
  admin: {
    hidden: hiddenUnless({ roles: ADMINS }),
    defaultColumns: ['name', 'email', 'roles'],
    group: 'Administration',
    // Staff see colleagues by name (pickers, "signed off by"); a colleague's email only on a staff account (see access).
    useAsTitle: 'name',
  },
  auth: {
    cookies: {
      sameSite: 'Lax',
      // Secure cookies need HTTPS; a plain-HTTP local run would otherwise never stay logged in.
      secure: serverURL().startsWith('https://'),
    },
    // The signed-in account is read on every request; access rules use ids only, so its contact is not populated.
    depth: 0,
    forgotPassword: {
      expiration: RESET_LINK_MINUTES * 60 * 1000,
      generateEmailHTML: resetEmailHtml,
      generateEmailSubject: () => RESET_EMAIL_SUBJECT,
    },
    // Payload's lock is per account, so anyone could keep an account locked; src/lib/auth/sign-in counts
    // failures per account and client address instead.
    maxLoginAttempts: 0,
    tokenExpiration: SESSION_SECONDS,
  },
  endpoints: [forgotPasswordEndpoint, signUpEndpoint],
  fields: [
    // Payload's own email field, with reading limited: staff read a staff colleague's work address, nobody else's.
    { name: 'email', type: 'email', access: { read: emailReadField } },
    { name: 'name', type: 'text', maxLength: 200, validate: validateOptionalText({ label: 'name', max: 200 }) },
    {
      admin: {
        description:
          'What the account may do in the hub. An account with no role only reads the public site; only an administrator grants roles.',
      },
      name: 'roles',
      type: 'select',
      access: { create: adminOnlyField, read: rolesReadField, update: adminOnlyField },
      defaultValue: [],
      hasMany: true,
      options: ROLES.map((role) => ({ label: ROLE_LABELS[role], value: role })),
      saveToJWT: true,
    },
    {
      name: 'person',
      type: 'relationship',
      // Linking an account to a contact grants that contact's group memberships: an administrator's decision.
      access: { create: adminOnlyField, read: adminOrSelfField, update: adminOnlyField },
      admin: {
        description: "The contact this account belongs to: a member of a group sees the group's members-only meetings after signing in.",
        position: 'sidebar',
      },
      relationTo: 'people',
    },
    {
      name: 'mustChangePassword',
      type: 'checkbox',
      access: { create: adminOnlyField, read: adminOrSelfField, update: adminOnlyField },
      admin: {
        description: 'Set for a generated one-time password: the account has no role until its owner sets a new password.',
        position: 'sidebar',
      },
      defaultValue: false,
    },
    {
      name: 'permissions',
      type: 'select',
      access: { create: adminOnlyField, read: adminOrSelfField, update: adminOnlyField },
      admin: { description: 'Extra rights for some holders of a role: the newsletter permission applies to editors only.' },
      defaultValue: [],
      hasMany: true,
      options: PERMISSIONS.map((permission) => ({ label: PERMISSION_LABELS[permission], value: permission })),
      saveToJWT: true,
    },
  ],
  hooks: {
    afterLogout: [releaseLocksOnLogout, forgetSessionsOnLogout],
    afterLogin: [refundSuccessfulSignIn],
    afterOperation: [clearOneTimePasswordOnReset, forgetSessionsOnChange, releaseLocksWhenSessionsEnd],
    beforeChange: [clearOneTimePassword],
    beforeDelete: [releaseLocksOnDelete],
    beforeOperation: [limitSignIn, signUpOverRestOnly, enforcePasswordPolicy, guardRoles],
  },
}
