import type { Payload } from 'payload'

import type { CareArea, User } from '@/payload-types'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { ResponsiveImage } from '@/components/site/ResponsiveImage'
import { RichTextContent } from '@/components/site/RichTextContent'
import { childPages, guidancePath, listTips } from '@/lib/site/content'
import { withoutOpeningRepeats } from '@/lib/site/repeats'

/** A care area (a step of the journey) as the public reads it, at its address and in the staff preview. */
export const CareAreaArticle = async ({ careArea, payload, user }: { careArea: CareArea; payload: Payload; user: null | User }) => {
  const [pages, tips] = await Promise.all([
    childPages({ careAreaId: careArea.id, parentId: null, payload, user }),
    listTips({ payload, user }),
  ])
  return (
    <>
      <Breadcrumbs />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">Step {careArea.step}</span>
          <h1>{careArea.title}</h1>
          <p className="nhsuk-lede-text">{careArea.summary}</p>
          <ResponsiveImage image={careArea.image} sizes="(min-width: 990px) 640px, 100vw" />
          <RichTextContent
            tips={tips}
            value={withoutOpeningRepeats({ summary: careArea.summary, title: careArea.title, value: careArea.body as never })}
          />
          {pages.length ? (
            <nav aria-labelledby="guidance-heading">
              <h2 id="guidance-heading">Guidance</h2>
              <ul className="nhsuk-list">
                {pages.map((page) => (
                  <li key={page.id}>
                    <a href={guidancePath({ careArea, page, trail: [] })}>{page.title}</a>
                    <p className="nhsuk-body-s">{page.summary}</p>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
    </>
  )
}
