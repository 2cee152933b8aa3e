import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { Pagination, pageNumber } from '@/components/site/Pagination'
import { PARLIAMENTARY_QUESTIONS, parliamentaryQuestionPath } from '@/lib/routes'
import { listQuestions } from '@/lib/site/content'
import { formatDate, isoDay } from '@/lib/site/format'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { alternates: { canonical: PARLIAMENTARY_QUESTIONS }, title: 'Parliamentary questions' }

const QuestionsPage = async ({ searchParams }: { searchParams: Promise<{ page?: string }> }) => {
  const page = pageNumber((await searchParams).page)
  const { payload, user } = await currentViewer()
  const result = await listQuestions({ page, payload, user })
  return (
    <>
      <Breadcrumbs />
      <h1>Parliamentary questions</h1>
      <p>Written questions to government about diabetes care, and the answers given.</p>
      {result.docs.length ? (
        <ul className="nhsuk-list">
          {result.docs.map((question) => (
            <li className="nhsuk-u-margin-bottom-5" key={question.id}>
              <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                <a href={parliamentaryQuestionPath({ slug: question.slug })}>
                  {question.heading}: asked <time dateTime={isoDay(question.dateAsked)}>{formatDate(question.dateAsked)}</time>
                </a>
              </h2>
              <p className="nhsuk-body-s">
                {question.answeringBody}
                {question.dateAnswered ? ` · answered ${formatDate(question.dateAnswered)}` : ' · awaiting answer'}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>No questions have been published yet.</p>
      )}
      <Pagination basePath={PARLIAMENTARY_QUESTIONS} page={result.page ?? page} totalPages={result.totalPages} />
    </>
  )
}

export default QuestionsPage
