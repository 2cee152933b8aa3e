import type { ServerComponentProps } from 'payload'

import { linkProblemsOfDocument, problemLabel } from '../../lib/link-health/problems'
import { formatDate } from '../../lib/site/format'

/**
 * Top of a checked document's edit view: the broken, redirected and retired links the last check found in its
 * published version, for content staff (others get nothing, as the link checks' access rules say).
 */
export const LinkHealthPanel = async ({ collectionSlug, id, req }: Pick<ServerComponentProps, 'collectionSlug' | 'id' | 'req'>) => {
  if (id === undefined || id === null || !req) return null
  const problems = await linkProblemsOfDocument({ collection: collectionSlug, id, req })
  if (!problems.length) return null
  return (
    <section aria-labelledby="link-health-heading" className="link-health">
      <h2 id="link-health-heading">
        <span className="link-health__label">Important: </span>
        {problems.length === 1 ? 'A link on this page needs attention' : `${problems.length} links on this page need attention`}
      </h2>
      <p>The nightly link check found these in the published version. Change the link (or number) in the text below, then publish.</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem.url}>
            {problemLabel(problem)}
            {problem.problemSince ? <span className="link-health__since"> Since {formatDate(problem.problemSince)}.</span> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
