import type { Payload } from 'payload'

import type { Newsletter, User } from '../../payload-types'

import { PUBLISHED_ISSUE_STATUSES } from './issue-status'

/** Reads for the web versions, as the visitor: the collection's access rules show only issues that went out. */
type Read = { payload: Payload; user: null | User }

const asVisitor = ({ user }: { user: null | User }) => ({ overrideAccess: false, user: user ?? undefined })

export const ISSUES_PAGE_SIZE = 10

export const listPublishedIssues = ({ page, payload, user }: Read & { page: number }) =>
  payload.find({
    collection: 'newsletters',
    depth: 0,
    limit: ISSUES_PAGE_SIZE,
    page,
    select: { sendStartedAt: true, sentAt: true, slug: true, subject: true, topic: true },
    sort: '-sendStartedAt',
    where: { status: { in: PUBLISHED_ISSUE_STATUSES } },
    ...asVisitor({ user }),
  })

export const findPublishedIssue = async ({ payload, slug, user }: Read & { slug: string }): Promise<Newsletter | null> =>
  (
    await payload.find({
      collection: 'newsletters',
      depth: 0,
      limit: 1,
      // One document wanted: no count query.
      pagination: false,
      where: { and: [{ slug: { equals: slug } }, { status: { in: PUBLISHED_ISSUE_STATUSES } }] },
      ...asVisitor({ user }),
    })
  ).docs[0] ?? null
