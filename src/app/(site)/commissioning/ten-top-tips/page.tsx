import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { FeedbackForm } from '@/components/site/FeedbackForm'
import { TipsList } from '@/components/site/TipsList'
import { listTips } from '@/lib/site/content'
import { TEN_TOP_TIPS } from '@/lib/site/ten-top-tips'
import { errorTitle } from '@/lib/site/title'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Params = { feedback?: string }

export const generateMetadata = async ({ searchParams }: { searchParams: Promise<Params> }): Promise<Metadata> => ({
  alternates: { canonical: TEN_TOP_TIPS.path },
  description: TEN_TOP_TIPS.description,
  title: errorTitle({ errors: (await searchParams).feedback === 'error', title: TEN_TOP_TIPS.title }),
})

const TenTopTipsPage = async ({ searchParams }: { searchParams: Promise<Params> }) => {
  const { feedback } = await searchParams
  const { payload, user } = await currentViewer()
  const tips = await listTips({ payload, user })
  return (
    <>
      <Breadcrumbs />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{TEN_TOP_TIPS.title}</h1>
          <p className="nhsuk-lede-text">{TEN_TOP_TIPS.lede}</p>
          {tips.length ? (
            <nav aria-label="Tips" className="nhsuk-contents-list" role="navigation">
              <ol className="nhsuk-contents-list__list">
                {tips.map((tip) => (
                  <li className="nhsuk-contents-list__item" key={tip.id}>
                    <a className="nhsuk-contents-list__link" href={`#tip-${tip.slug}`}>
                      {tip.title}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <TipsList headingLevel={1} tips={tips} />
          <FeedbackForm returnTo={TEN_TOP_TIPS.path} sitePage={TEN_TOP_TIPS.feedbackKey} status={feedback} />
        </div>
      </div>
    </>
  )
}

export default TenTopTipsPage
