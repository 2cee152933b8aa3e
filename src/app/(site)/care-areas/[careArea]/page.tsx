import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import { cache } from 'react'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { ResponsiveImage } from '@/components/site/ResponsiveImage'
import { RichTextContent } from '@/components/site/RichTextContent'
import { careAreaPath } from '@/lib/routes'
import { childPages, findCareArea, guidancePath, listTips } from '@/lib/site/content'
import { withoutOpeningRepeats } from '@/lib/site/repeats'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ careArea: string }> }

// Metadata and page both need the care area: memoised per request by slug, so it is read once.
const careAreaBySlug = cache(async (slug: string) => {
  const { payload, user } = await currentViewer()
  return findCareArea({ payload, slug, user })
})

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const careArea = await careAreaBySlug((await params).careArea)
  if (!careArea) return {}
  return {
    alternates: { canonical: careAreaPath({ slug: careArea.slug }) },
    description: careArea.summary,
    openGraph: { description: careArea.summary, title: careArea.title, url: careAreaPath({ slug: careArea.slug }) },
    title: careArea.title,
  }
}

const CareAreaPage = async ({ params }: Props) => {
  const { payload, user } = await currentViewer()
  const careArea = await careAreaBySlug((await params).careArea)
  if (!careArea) notFound()
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

export default CareAreaPage
