import type { Payload } from 'payload'

import type { CareArea, Page } from '../../payload-types'

import {
  ASK,
  careAreaPath,
  CONSULTATIONS,
  DOCUMENTS,
  GOVERNANCE,
  groupPath,
  HOME,
  meetingPath,
  NEWSLETTER,
  newsletterIssuePath,
  NEWSLETTERS,
  PARLIAMENTARY_QUESTIONS,
  parliamentaryQuestionPath,
  questionAndAnswerPath,
  QUESTIONS_AND_ANSWERS,
  RECOMMENDATIONS,
  TEN_TOP_TIPS,
  UPDATES,
  updatePath,
} from '../routes'
import { isPolicyKind, policyKind } from '../policies/kinds'
import { guidancePlace } from '../routes/guidance-tree'
import { relationId } from './format'

export type IndexedUrl = { lastModified?: string; path: string }

const anonymous = { draft: false, overrideAccess: false } as const

/**
 * Every address the public may see, for the sitemap: read as an anonymous visitor, so professional-only
 * and unpublished content never appears. Page paths are built in memory from one query per collection.
 */
export const publicUrls = async ({ payload }: { payload: Payload }): Promise<IndexedUrl[]> => {
  const all = { depth: 0, limit: 0, pagination: false, ...anonymous } as const
  const [careAreas, pages, updates, questions, groups, meetings, newsletters, policies, answers] = await Promise.all([
    payload.find({ collection: 'care-areas', ...all }),
    payload.find({ collection: 'pages', ...all }),
    payload.find({ collection: 'updates', ...all }),
    payload.find({ collection: 'parliamentary-questions', ...all }),
    // Anonymous reads: public groups only, and the meetings and sent issues the public may open.
    payload.find({ collection: 'groups', ...all }),
    payload.find({ collection: 'meetings', ...all, where: { minutesStatus: { equals: 'approved' } } }),
    payload.find({ collection: 'newsletters', ...all }),
    payload.find({ collection: 'policies', ...all }),
    payload.find({ collection: 'questions-and-answers', ...all }),
  ])
  const groupById = new Map(groups.docs.map((group) => [String(group.id), group]))
  const areaById = new Map<string, CareArea>(careAreas.docs.map((area) => [String(area.id), area]))
  const pageById = new Map<string, Page>(pages.docs.map((page) => [String(page.id), page]))
  const pathOf = async (page: Page): Promise<null | string> =>
    (
      await guidancePlace({
        careAreaOf: (id) => areaById.get(String(id)) ?? null,
        page,
        pageOf: (id) => pageById.get(String(id)) ?? null,
      })
    )?.path ?? null
  const pagePaths = await Promise.all(pages.docs.map(async (page) => ({ page, path: await pathOf(page) })))
  return [
    { path: HOME },
    { path: TEN_TOP_TIPS },
    { path: UPDATES },
    { path: CONSULTATIONS },
    { path: PARLIAMENTARY_QUESTIONS },
    { path: QUESTIONS_AND_ANSWERS },
    { path: DOCUMENTS },
    { path: ASK },
    { path: GOVERNANCE },
    { path: RECOMMENDATIONS },
    { path: NEWSLETTER },
    { path: NEWSLETTERS },
    ...careAreas.docs.map((area) => ({ lastModified: area.updatedAt, path: careAreaPath({ slug: area.slug }) })),
    ...pagePaths.flatMap(({ page, path }) => (path ? [{ lastModified: page.updatedAt, path }] : [])),
    ...updates.docs.map((update) => ({ lastModified: update.updatedAt, path: updatePath({ slug: update.slug }) })),
    ...questions.docs.map((question) => ({ lastModified: question.updatedAt, path: parliamentaryQuestionPath({ slug: question.slug }) })),
    ...answers.docs.map((answer) => ({ lastModified: answer.updatedAt, path: questionAndAnswerPath({ slug: String(answer.slug) }) })),
    ...groups.docs.map((group) => ({ lastModified: group.updatedAt, path: groupPath({ slug: group.slug }) })),
    ...meetings.docs.flatMap((meeting) => {
      const group = groupById.get(String(relationId(meeting.group)))
      return group ? [{ lastModified: meeting.updatedAt, path: meetingPath({ day: meeting.day, group: group.slug }) }] : []
    }),
    ...newsletters.docs.map((issue) => ({ lastModified: issue.updatedAt, path: newsletterIssuePath({ slug: issue.slug }) })),
    ...policies.docs.flatMap((policy) =>
      isPolicyKind(policy.kind) ? [{ lastModified: policy.updatedAt, path: policyKind({ kind: policy.kind }).path }] : [],
    ),
  ]
}
