import type { Metadata } from 'next'

import { SignupForm } from '@/components/site/SignupForm'
import { UpdateList } from '@/components/site/UpdateSummary'
import { CONSENT_WORDING, CURRENT_WORDING } from '@/lib/newsletter/consent'
import { ASK, CARE_AREAS_ANCHOR, careAreaPath, CONSULTATIONS, NEWSLETTERS, UPDATES } from '@/lib/routes'
import { hasCapability } from '@/lib/site/capabilities'
import { listCareAreas, listUpdates, openConsultations } from '@/lib/site/content'
import { currentViewer, siteSettings } from '@/lib/site/viewer'

import { signUp } from './newsletter/actions'

// Rendered per request from the visitor's view of the content; Express caches anonymous HTML.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = { alternates: { canonical: '/' } }

const LATEST_UPDATES = 3

/** The front door: the journey's steps, what is new, what is open for comment, and the newsletter. */
const HomePage = async () => {
  const { payload, user } = await currentViewer()
  const { questionResponseTargetDays, siteName } = await siteSettings()
  const [careAreas, updates, consultations, newsletter, questionDesk] = await Promise.all([
    listCareAreas({ payload, user }),
    listUpdates({ limit: LATEST_UPDATES, page: 1, payload, user }).then((result) => result.docs),
    openConsultations({ payload, user }),
    hasCapability({ collection: 'subscribers' }),
    hasCapability({ collection: 'questions' }),
  ])
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
      <section aria-labelledby={CARE_AREAS_ANCHOR}>
        <h2 id={CARE_AREAS_ANCHOR}>The diabetes journey</h2>
        <p>Care for people with diabetes, step by step, from diagnosis onwards.</p>
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
      <div className="nhsuk-grid-row">
        <section aria-labelledby="latest-updates" className="nhsuk-grid-column-one-half">
          <h2 id="latest-updates">Latest updates</h2>
          <UpdateList empty="There are no updates yet." heading="h3" updates={updates} />
          <p>
            <a href={UPDATES}>All network updates</a>
          </p>
        </section>
        <section aria-labelledby="open-consultations" className="nhsuk-grid-column-one-half">
          <h2 id="open-consultations">Open consultations</h2>
          <UpdateList empty="There are no open consultations at the moment." heading="h3" updates={consultations} />
          <p>
            <a href={CONSULTATIONS}>All consultations</a>
          </p>
        </section>
      </div>
      <div className="nhsuk-grid-row">
        {newsletter ? (
          <section aria-labelledby="newsletter-signup" className="nhsuk-grid-column-two-thirds">
            <h2 id="newsletter-signup">Get the newsletter</h2>
            <p>
              News from the network by email: updates, consultations, new guidance and what was decided at meetings. We will send you an
              email to confirm your address first. Past issues are in the <a href={NEWSLETTERS}>newsletter archive</a>.
            </p>
            <SignupForm action={signUp} consent={CONSENT_WORDING[CURRENT_WORDING.signup]} />
          </section>
        ) : null}
        {questionDesk ? (
          <aside aria-labelledby="ask-heading" className="nhsuk-grid-column-one-third">
            <div className="nhsuk-card">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-m" id="ask-heading">
                  Ask the network
                </h2>
                <p className="nhsuk-card__description">
                  Questions about diabetes services and commissioning are answered by the network team, aiming to reply within{' '}
                  {questionResponseTargetDays} working days.
                </p>
                <p className="nhsuk-card__description">
                  <a href={ASK}>Ask a question</a>
                </p>
              </div>
            </div>
          </aside>
        ) : null}
      </div>
    </>
  )
}

export default HomePage
