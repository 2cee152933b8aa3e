import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { hasCapability } from '@/lib/site/capabilities'
import { ASK, QUESTIONS_AND_ANSWERS, questionAndAnswerPath } from '@/lib/routes'
import { listQuestionsAndAnswers } from '@/lib/site/content'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  alternates: { canonical: QUESTIONS_AND_ANSWERS },
  description: 'Answers the network has given to questions sent to it, published with the askers’ agreement.',
  title: 'Questions and answers',
}

const QuestionsAndAnswersPage = async () => {
  const { payload, user } = await currentViewer()
  const groups = await listQuestionsAndAnswers({ payload, user })
  return (
    <>
      <Breadcrumbs />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Questions and answers</h1>
          <p className="nhsuk-lede-text">Answers we have given to questions sent to the network, published with the askers’ agreement.</p>
          {groups.length ? (
            groups.map(({ answers, careArea }) => (
              <section aria-labelledby={`care-area-${careArea.id}`} key={careArea.id}>
                <h2 id={`care-area-${careArea.id}`}>{careArea.title}</h2>
                <ul className="nhsuk-list nhsuk-list--bullet">
                  {answers.map((answer) => (
                    <li key={answer.id}>
                      <a href={questionAndAnswerPath({ slug: String(answer.slug) })}>{answer.question}</a>
                    </li>
                  ))}
                </ul>
              </section>
            ))
          ) : (
            <p>No answers have been published yet.</p>
          )}
          {(await hasCapability({ collection: 'questions' })) ? (
            <p>
              Cannot find your question? <a href={ASK}>Ask us a question</a>.
            </p>
          ) : null}
        </div>
      </div>
    </>
  )
}

export default QuestionsAndAnswersPage
