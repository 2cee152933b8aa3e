import type { Metadata } from 'next'

import { AskForm } from '@/components/site/AskForm'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { ASK, QUESTIONS_AND_ANSWERS } from '@/lib/routes'
import { answersFormPost, errorTitle } from '@/lib/site/title'
import { safeReturnPath } from '@/lib/site/urls'
import { siteSettings } from '@/lib/site/viewer'

import { askQuestion } from './actions'

export const dynamic = 'force-dynamic'

/** Sent back without JavaScript the form has errors, and the title says so (with JavaScript the form does). */
export const generateMetadata = async (): Promise<Metadata> => ({
  alternates: { canonical: ASK },
  title: errorTitle({ errors: await answersFormPost(), title: 'Ask a question' }),
})

const AskPage = async ({ searchParams }: { searchParams: Promise<{ from?: string }> }) => {
  const { from } = await searchParams
  const { disclaimer, questionResponseTargetDays } = await siteSettings()
  return (
    <>
      <Breadcrumbs />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Ask a question</h1>
          <p>
            If you cannot find what you need on this site, send us your question. We aim to reply within {questionResponseTargetDays}{' '}
            working days.
          </p>
          <p>
            Your question may already have been answered: read our <a href={QUESTIONS_AND_ANSWERS}>questions and answers</a>.
          </p>
          {/* Said once, in the design system's urgent care card, before anyone starts typing. */}
          <div className="nhsuk-card nhsuk-card--care nhsuk-card--care--urgent">
            <div className="nhsuk-card__heading-container">
              <h2 className="nhsuk-card__heading">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Urgent advice: </span>
                  We cannot give medical advice
                </span>
              </h2>
              <span aria-hidden="true" className="nhsuk-card--care__arrow" />
            </div>
            <div className="nhsuk-card__content">
              <p>{disclaimer}</p>
              <p>
                NHS 111 is also online at <a href="https://111.nhs.uk/">111.nhs.uk</a>.
              </p>
            </div>
          </div>
          <AskForm action={askQuestion} sourcePath={safeReturnPath(from, '')} />
        </div>
      </div>
    </>
  )
}

export default AskPage
