import type { Metadata } from 'next'

import { CARE_AREAS_ANCHOR, careAreaPath } from '@/lib/routes'
import { listCareAreas } from '@/lib/site/content'
import { currentViewer, siteSettings } from '@/lib/site/viewer'

// Rendered per request from the visitor's view of the content; Express caches anonymous HTML.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = { alternates: { canonical: '/' } }

const HomePage = async () => {
  const { payload, user } = await currentViewer()
  const { siteName } = await siteSettings()
  const careAreas = await listCareAreas({ payload, user })
  return (
    <>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{siteName}</h1>
          <p className="nhsuk-lede-text">
            Guidance, commissioning tips, network updates and governance from the diabetes clinical network.
          </p>
        </div>
      </div>
      <section aria-labelledby="care-areas">
        <h2 id={CARE_AREAS_ANCHOR}>The diabetes journey</h2>
        {careAreas.length ? (
          <ol className="nhsuk-grid-row nhsuk-card-group">
            {careAreas.map((area) => (
              <li className="nhsuk-grid-column-one-third nhsuk-card-group__item" key={area.id}>
                <div className="nhsuk-card nhsuk-card--clickable">
                  <div className="nhsuk-card__content">
                    <h3 className="nhsuk-card__heading nhsuk-heading-m">
                      <a className="nhsuk-card__link" href={careAreaPath({ slug: area.slug })}>
                        <span className="nhsuk-u-visually-hidden">Step </span>
                        {area.step}. {area.title}
                      </a>
                    </h3>
                    <p className="nhsuk-card__description">{area.summary}</p>
                  </div>
                </div>
              </li>
            ))}
          </ol>
        ) : (
          <p>No care areas have been published yet.</p>
        )}
      </section>
    </>
  )
}

export default HomePage
