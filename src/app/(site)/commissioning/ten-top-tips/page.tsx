import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { TipsList } from '@/components/site/TipsList'
import { listTips } from '@/lib/site/content'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

const TITLE = 'Ten top tips for commissioning long-term conditions'

export const metadata: Metadata = {
  alternates: { canonical: '/commissioning/ten-top-tips' },
  description: 'Principles from the Department of Health Long Term Conditions team that also apply to commissioning diabetes services.',
  title: TITLE,
}

const TenTopTipsPage = async () => {
  const { payload, user } = await currentViewer()
  const tips = await listTips({ payload, user })
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{TITLE}</h1>
          <p className="nhsuk-lede-text">
            The Department of Health Long Term Conditions team put together these principles. They also apply to the commissioning
            of diabetes services.
          </p>
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
        </div>
      </div>
    </>
  )
}

export default TenTopTipsPage
