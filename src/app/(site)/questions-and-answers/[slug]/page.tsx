import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import { cache } from 'react'

import { QuestionAndAnswerArticle } from '@/components/site/QuestionAndAnswerArticle'
import { questionAndAnswerPath } from '@/lib/routes'
import { findQuestionAndAnswer } from '@/lib/site/content'
import { errorTitle } from '@/lib/site/title'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ feedback?: string }> }

// Metadata and page both need it: memoised per request by slug, so it is read once.
const bySlug = cache(async (slug: string) => {
  const { payload, user } = await currentViewer()
  return findQuestionAndAnswer({ payload, slug, user })
})

export const generateMetadata = async ({ params, searchParams }: Props): Promise<Metadata> => {
  const answer = await bySlug((await params).slug)
  if (!answer) return {}
  const url = questionAndAnswerPath({ slug: String(answer.slug) })
  return {
    alternates: { canonical: url },
    openGraph: { title: answer.question, type: 'article', url },
    title: errorTitle({ errors: (await searchParams).feedback === 'error', title: answer.question }),
  }
}

const QuestionAndAnswerPage = async ({ params, searchParams }: Props) => {
  const answer = await bySlug((await params).slug)
  if (!answer) notFound()
  return <QuestionAndAnswerArticle answer={answer} feedback={(await searchParams).feedback} />
}

export default QuestionAndAnswerPage
