import { formatDay } from '../site/format'

/** Plain-text emails to askers. User text is quoted as text only; nothing here is ever rendered as HTML. */
export const confirmationEmail = ({
  disclaimer,
  dueDay,
  question,
  reference,
  targetDays,
}: {
  disclaimer: string
  /** The promised UK day, YYYY-MM-DD. */
  dueDay?: null | string
  question: string
  reference: string
  targetDays: number
}) => ({
  subject: `We have received your question (${reference})`,
  text: [
    'Thank you for your question to the diabetes network.',
    '',
    `Your reference is ${reference}. Please quote it if you contact us about this question.`,
    `We aim to reply within ${targetDays} working days${dueDay ? `, by ${formatDay(dueDay)}` : ''}.`,
    '',
    disclaimer,
    '',
    'Your question:',
    question,
  ].join('\n'),
})

/** The answer, with the no-clinical-advice line again: an answer is the message most likely to be read as advice. */
export const answerEmail = ({
  answer,
  disclaimer,
  question,
  reference,
}: {
  answer: string
  disclaimer: string
  question: string
  reference: string
}) => ({
  subject: `Answer to your question (${reference})`,
  text: [
    `Here is our answer to your question ${reference}.`,
    '',
    answer,
    '',
    disclaimer,
    '',
    `To reply, answer this email and keep the reference ${reference} in the subject.`,
    '',
    '---',
    'Your question:',
    question,
  ].join('\n'),
})

export const deadlineEmail = ({
  dueDay,
  kind,
  reference,
  url,
}: {
  dueDay: string
  kind: 'breach' | 'reminder'
  reference: string
  url: string
}) =>
  kind === 'reminder'
    ? {
        subject: `Reminder: question ${reference} is due ${formatDay(dueDay)}`,
        text: `Question ${reference} is due by the end of ${formatDay(dueDay)}.\n\nOpen it: ${url}`,
      }
    : {
        subject: `Overdue: question ${reference} has missed its response target`,
        text: `Question ${reference} was due by the end of ${formatDay(dueDay)} and has not been answered.\n\nOpen it: ${url}`,
      }
