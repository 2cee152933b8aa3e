import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'

import { DefaultTemplate, MinimalTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'

import type { Role } from '../../lib/access'

import { CONTENT_STAFF, hasRole } from '../../lib/access'
import { adminHref } from './links'

/** Who a staff view is for: the roles let in, and how a refusal names them. */
export type StaffAudience = { name: string; roles: Role[]; who: string }

const CONTENT_STAFF_AUDIENCE: StaffAudience = {
  name: 'content staff',
  roles: CONTENT_STAFF,
  who: 'administrators, editors and clinical reviewers',
}

/** Checked on the full principal (`req.user`), not the field-filtered `user` prop. */
export const isInAudience = ({ audience, view }: { audience: StaffAudience; view: AdminViewServerProps }): boolean =>
  hasRole({ roles: audience.roles, user: view.initPageResult.req.user })

export const isContentStaff = ({ view }: { view: AdminViewServerProps }): boolean =>
  isInAudience({ audience: CONTENT_STAFF_AUDIENCE, view })

/**
 * Custom root views get no template from Payload, and are reachable without admin-panel access, so the
 * shell adds the admin layout for those who may use the panel and a bare page for everyone else.
 */
export const StaffViewShell = ({
  audience = CONTENT_STAFF_AUDIENCE,
  children,
  heading,
  view,
}: {
  audience?: StaffAudience
  children?: ReactNode
  heading: string
  view: AdminViewServerProps
}) => {
  const { i18n, initPageResult, params, payload, searchParams, user } = view
  const { locale, permissions, req, visibleEntities } = initPageResult
  const adminRoute = payload.config.routes.admin
  const here = req.pathname ?? adminRoute
  const loginHref = adminHref({ adminRoute, path: payload.config.admin.routes.login })
  const content = (
    <Gutter className="staff-view">
      <h1 style={{ marginBottom: 'calc(var(--base) * 1)', marginTop: 'calc(var(--base) * 1.5)' }}>{heading}</h1>
      {isInAudience({ audience, view }) ? (
        children
      ) : (
        <NoAccess audience={audience} here={here} loginHref={loginHref} signedIn={Boolean(req.user)} />
      )}
    </Gutter>
  )
  if (!permissions?.canAccessAdmin) return <MinimalTemplate width="wide">{content}</MinimalTemplate>
  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user}
      // Copied rather than passed through: React 19 rejects the frozen object Payload hands views.
      visibleEntities={{ collections: [...visibleEntities.collections], globals: [...visibleEntities.globals] }}
    >
      <SetStepNav nav={[{ label: heading }]} />
      {content}
    </DefaultTemplate>
  )
}

const NoAccess = ({
  audience,
  here,
  loginHref,
  signedIn,
}: {
  audience: StaffAudience
  here: string
  loginHref: string
  signedIn: boolean
}) => (
  <div role="alert">
    <p>You do not have access to this page.</p>
    <p>
      {signedIn ? (
        `It is for ${audience.name}: ${audience.who}.`
      ) : (
        <a href={`${loginHref}?redirect=${encodeURIComponent(here)}`}>Log in as {audience.name}</a>
      )}
    </p>
  </div>
)
