import type { Payload, PayloadRequest, Where } from 'payload'

import type { LinkOutcome, LinkUsage } from './options'

import { CONTENT_STAFF, hasRole } from '../access'
import { LINK_CHECKS, PROBLEM_OUTCOMES, usageKey } from './options'

/** A link problem as staff see it. */
export type LinkProblem = {
  error?: null | string
  finalUrl?: null | string
  outcome: LinkOutcome
  problemSince?: null | string
  retiredService?: null | string
  statusCode?: null | number
  url: string
  usedBy?: null | LinkUsage[]
}

/** "Broken link: https://… (404)", "Redirected link: … now leads to …", "Retired service: tel:08454647 (NHS Direct: …)". */
export const problemLabel = (problem: LinkProblem): string => {
  const shown = problem.url.startsWith('tel:') ? `phone number ${problem.url.slice(4)}` : problem.url
  if (problem.outcome === 'retired') return `Retired service: ${shown} (${problem.retiredService ?? 'on the retired services list'})`
  if (problem.outcome === 'redirected') return `Redirected link: ${shown} now leads to ${problem.finalUrl ?? 'another address'}`
  return `Broken link: ${shown} (${problem.statusCode ?? problem.error ?? 'no answer'})`
}

/** Who reads the link checks: a person under their own access, or trusted server code. */
type Access = { overrideAccess: boolean; user?: PayloadRequest['user'] }

/** The link checks with these outcomes (and matching `where`), with what staff are shown of each. */
export const readLinkProblems = async ({
  access,
  outcomes,
  payload,
  req,
  where,
}: {
  access: Access
  outcomes: LinkOutcome[]
  payload: Payload
  req?: Partial<PayloadRequest>
  where?: Where
}): Promise<LinkProblem[]> => {
  if (!(LINK_CHECKS in payload.collections)) return []
  const { docs } = await payload.find({
    collection: LINK_CHECKS,
    depth: 0,
    limit: 1000,
    pagination: false,
    select: {
      error: true,
      finalUrl: true,
      outcome: true,
      problemSince: true,
      retiredService: true,
      statusCode: true,
      url: true,
      usedBy: true,
    },
    sort: 'url',
    where: { and: [{ outcome: { in: outcomes } }, ...(where ? [where] : [])] },
    ...access,
    req,
  })
  return docs as unknown as LinkProblem[]
}

/**
 * Link problems in the given documents (`collection:id` keys), read as the signed-in person: nothing for
 * anyone outside content staff, whom the link checks' access rules refuse anyway.
 */
export const linkProblemsIn = async ({
  keys,
  outcomes = PROBLEM_OUTCOMES,
  req,
}: {
  keys?: string[]
  outcomes?: LinkOutcome[]
  req: PayloadRequest
}): Promise<LinkProblem[]> => {
  if (!hasRole({ roles: CONTENT_STAFF, user: req.user })) return []
  if (keys && keys.length === 0) return []
  return readLinkProblems({
    access: { overrideAccess: false, user: req.user ?? undefined },
    outcomes,
    payload: req.payload,
    req,
    where: keys ? { 'usedBy.key': { in: keys } } : undefined,
  })
}

/** The link problems of one document, for its edit view. */
export const linkProblemsOfDocument = async ({
  collection,
  id,
  req,
}: {
  collection: string
  id: number | string
  req: PayloadRequest
}): Promise<LinkProblem[]> => linkProblemsIn({ keys: [usageKey({ collection, id })], req })

/** Each document's problems, by `collection:id` key, from rows that name several documents. */
export const problemsByDocument = ({
  collection,
  problems,
}: {
  collection?: string
  problems: LinkProblem[]
}): Map<string, LinkProblem[]> => {
  const byKey = new Map<string, LinkProblem[]>()
  for (const problem of problems)
    for (const usage of problem.usedBy ?? []) {
      if (collection && usage.collection !== collection) continue
      byKey.set(usage.key, [...(byKey.get(usage.key) ?? []), problem])
    }
  return byKey
}
