'use client'

import { Button, Link, useAuth, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { ADMINS, hasRole } from '../../lib/access'
import { LINK_OUTCOMES } from '../../lib/link-health/options'
import { LINK_CHECKS_RUN_API } from '../../lib/routes'
import { adminHref } from './links'
import { postToHub } from './hub-client'

const FILTERS = LINK_OUTCOMES.filter(({ value }) => value !== 'ok')

const queueCheck = async (): Promise<string> => {
  const answer = await postToHub({ url: LINK_CHECKS_RUN_API })
  return answer.ok
    ? 'The check is queued: results appear here within a few minutes. Links already checked today are not asked again.'
    : answer.problems.join(' ')
}

/** Above the link checks list: one-click filters by outcome, and "Check links now" for administrators. */
export const LinkChecksActions = () => {
  const { user } = useAuth()
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const list = (query: string) => adminHref({ adminRoute: config.routes.admin, path: `/collections/link-checks${query}` as `/${string}` })
  return (
    <div className="link-checks-actions">
      <nav aria-label="Show link checks">
        <ul>
          <li>
            <Link href={list('?where[outcome][not_equals]=ok')} prefetch={false}>
              Every problem
            </Link>
          </li>
          {FILTERS.map(({ label, value }) => (
            <li key={value}>
              <Link href={list(`?where[outcome][equals]=${value}`)} prefetch={false}>
                {label}
              </Link>
            </li>
          ))}
          <li>
            <Link href={list('')} prefetch={false}>
              All links
            </Link>
          </li>
        </ul>
      </nav>
      {hasRole({ roles: ADMINS, user: user as never }) ? (
        <div>
          <Button
            buttonStyle="secondary"
            disabled={busy}
            onClick={async () => {
              setBusy(true)
              setMessage(await queueCheck())
              setBusy(false)
              router.refresh()
            }}
          >
            Check links now
          </Button>
          <p aria-live="polite" role="status">
            {message}
          </p>
        </div>
      ) : null}
    </div>
  )
}
