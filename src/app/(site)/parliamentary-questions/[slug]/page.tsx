import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import { cache } from 'react'

import { DetailArticle } from '@/components/site/DetailArticle'
import { PARLIAMENTARY_QUESTIONS, parliamentaryQuestionPath } from '@/lib/routes'
import { findQuestion } from '@/lib/site/content'
import { formatDate, isoDay } from '@/lib/site/format'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

// Metadata and page both need it: memoised per request by slug, so it is read once.
const bySlug = cache(async (slug: string) => {
  const { payload, user } = await currentViewer()
  return findQuestion({ payload, slug, user })
})

const load = async ({ params }: Props) => bySlug((await params).slug)

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const question = await load({ params })
  if (!question) return {}
  const url = parliamentaryQuestionPath({ slug: question.slug })
  return { alternates: { canonical: url }, openGraph: { title: question.heading, url }, title: `${question.heading} (written question)` }
}

/** Plain text from the import: blank lines separate paragraphs; "- " lines form a list. */
const Paragraphs = ({ text }: { text: string }) => (
  <>
    {text.split(/\n{2,}/).map((block, index) => {
      const lines = block.split('\n')
      if (lines.every((line) => line.startsWith('- '))) {
        return (
          <ul key={index}>
            {lines.map((line, item) => (
              <li key={item}>{line.slice(2)}</li>
            ))}
          </ul>
        )
      }
      return <p key={index}>{block}</p>
    })}
  </>
)

const QuestionPage = async ({ params }: Props) => {
  const question = await load({ params })
  if (!question) notFound()
  return (
    <DetailArticle listing={{ href: PARLIAMENTARY_QUESTIONS, label: 'Parliamentary questions' }}>
      <h1>{question.heading}</h1>
      <dl className="nhsuk-summary-list">
        {[
          ['Asked', <time dateTime={isoDay(question.dateAsked)}>{formatDate(question.dateAsked)}</time>],
          ['Asked by', question.askingMember],
          ['To', question.answeringBody],
          [
            'Answered',
            question.dateAnswered ? (
              <time dateTime={isoDay(question.dateAnswered)}>{formatDate(question.dateAnswered)}</time>
            ) : (
              'Not yet answered'
            ),
          ],
          ['Reference (UIN)', question.uin],
        ]
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div className="nhsuk-summary-list__row" key={String(label)}>
              <dt className="nhsuk-summary-list__key">{label}</dt>
              <dd className="nhsuk-summary-list__value">{value}</dd>
            </div>
          ))}
      </dl>
      <h2>Question</h2>
      <Paragraphs text={question.question} />
      {question.answer ? (
        <>
          <h2>Answer</h2>
          <Paragraphs text={question.answer} />
        </>
      ) : null}
      {question.sourceUrl ? (
        <p>
          <a href={question.sourceUrl}>View this question on the UK Parliament website</a>
        </p>
      ) : null}
    </DetailArticle>
  )
}

export default QuestionPage
