import type { Metadata } from 'next'

import { AskForm } from '@/components/site/AskForm'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { ASK } from '@/lib/routes'
import { safeReturnPath } from '@/lib/site/urls'
import { siteSettings } from '@/lib/site/viewer'

import { askQuestion } from './actions'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { alternates: { canonical: ASK }, title: 'Ask a question' }

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
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>
                We cannot give medical advice
              </span>
            </h2>
            <p>{disclaimer}</p>
          </div>
          <div className="nhsuk-care-card nhsuk-care-card--urgent nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              If you need medical help now, call <strong>NHS 111</strong> or go to <a href="https://111.nhs.uk/">111.nhs.uk</a>. In an
              emergency, call <strong>999</strong>.
            </p>
          </div>
          <AskForm action={askQuestion} sourcePath={safeReturnPath(from, '')} />
        </div>
      </div>
    </>
  )
}

export default AskPage
