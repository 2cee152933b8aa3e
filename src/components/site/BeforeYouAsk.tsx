'use client'

import { useEffect, useState } from 'react'

import type { Suggestion } from '@/lib/questions-and-answers/suggest'

import { ANSWER_SUGGESTIONS_API, QUESTIONS_AND_ANSWERS } from '@/lib/routes'

// Long enough that a fast typist is not sent a request per key.
const PAUSE_MS = 400

const AnswerLinks = ({ answers }: { answers: Suggestion[] }) => (
  <ul className="nhsuk-list nhsuk-list--bullet">
    {answers.map((answer) => (
      <li key={answer.url}>
        <a href={answer.url}>{answer.question}</a>
      </li>
    ))}
  </ul>
)

/**
 * "Before you ask": the published answers matching the question, as it is typed (with JavaScript), or sent back
 * once with the form when it was sent without JavaScript (`sent`). A live region, so a screen reader hears of them.
 */
export const BeforeYouAsk = ({ sent, text }: { sent: Suggestion[] | null; text: string }) => {
  const [live, setLive] = useState<Suggestion[]>([])
  useEffect(() => {
    const words = text.trim().split(/\s+/).filter(Boolean)
    if (words.length < 2) {
      setLive([])
      return
    }
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(`${ANSWER_SUGGESTIONS_API}?text=${encodeURIComponent(text.slice(0, 2000))}`, { signal: controller.signal })
        .then((response) => (response.ok ? response.json() : { answers: [] }))
        .then((body: { answers?: Suggestion[] }) => setLive(body.answers ?? []))
        // Suggestions are a help, not a step: when they cannot be fetched the form works as before.
        .catch(() => undefined)
    }, PAUSE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [text])
  const answers = sent ?? live
  return (
    <div aria-live="polite" id="before-you-ask">
      {answers.length ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <h2 className="nhsuk-heading-s">Before you ask</h2>
          <p>{sent ? 'These published answers may already answer your question:' : 'These published answers may help:'}</p>
          <AnswerLinks answers={answers} />
          <p>
            {sent ? 'If they do not, check your details and send your question again. ' : null}
            <a href={QUESTIONS_AND_ANSWERS}>All questions and answers</a>
          </p>
        </div>
      ) : null}
    </div>
  )
}
