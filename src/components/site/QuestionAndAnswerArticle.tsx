import type { CareArea, QuestionsAndAnswer } from '@/payload-types'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { FeedbackForm } from '@/components/site/FeedbackForm'
import { ReviewDates } from '@/components/site/ReviewDates'
import { RichTextContent } from '@/components/site/RichTextContent'
import { askFromPath, careAreaPath, QUESTIONS_AND_ANSWERS, questionAndAnswerPath } from '@/lib/routes'

/** A published answer as the public reads it: the question, the answer, its care area and review dates. */
export const QuestionAndAnswerArticle = ({ answer, feedback }: { answer: QuestionsAndAnswer; feedback?: string }) => {
  const path = questionAndAnswerPath({ slug: String(answer.slug) })
  const careArea = typeof answer.careArea === 'object' ? (answer.careArea as CareArea) : null
  return (
    <>
      <Breadcrumbs items={[{ href: QUESTIONS_AND_ANSWERS, label: 'Questions and answers' }]} />
      <div className="nhsuk-grid-row">
        <article className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">Question and answer</span>
          <h1>{answer.question}</h1>
          <h2 className="nhsuk-heading-m">Our answer</h2>
          <RichTextContent value={answer.answer as never} />
          {careArea ? (
            <p>
              More about this in <a href={careAreaPath({ slug: careArea.slug })}>{careArea.title}</a>.
            </p>
          ) : null}
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              This answer was given to a question sent to the network, and published with the asker’s agreement. It is general information,
              not advice about a person’s care.
            </p>
          </div>
          <ReviewDates review={answer.review} />
          <FeedbackForm answerId={answer.id} returnTo={path} status={feedback} />
          <p className="nhsuk-u-margin-top-4">
            Still have a question? <a href={askFromPath({ from: path })}>Ask us a question</a>.
          </p>
        </article>
      </div>
    </>
  )
}
