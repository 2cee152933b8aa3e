import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { Pagination, pageNumber } from '@/components/site/Pagination'
import { UpdateList } from '@/components/site/UpdateSummary'
import { consultationIsOpen } from '@/lib/content/consultation'
import { CONSULTATIONS } from '@/lib/routes'
import { listUpdates } from '@/lib/site/content'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { alternates: { canonical: CONSULTATIONS }, title: 'Consultations' }

const ConsultationsPage = async ({ searchParams }: { searchParams: Promise<{ page?: string }> }) => {
  const page = pageNumber((await searchParams).page)
  const { payload, user } = await currentViewer()
  const result = await listUpdates({ consultationsOnly: true, page, payload, user })
  const open = result.docs.filter((update) => consultationIsOpen({ deadline: update.consultation?.feedbackDeadline }))
  const closed = result.docs.filter((update) => !open.includes(update))
  return (
    <>
      <Breadcrumbs />
      <h1>Consultations</h1>
      <h2>Open consultations</h2>
      <UpdateList empty="There are no open consultations at the moment." heading="h3" updates={open} />
      <h2>Closed consultations</h2>
      <UpdateList empty="There are no closed consultations on this page." heading="h3" updates={closed} />
      <Pagination basePath={CONSULTATIONS} page={result.page ?? page} totalPages={result.totalPages} />
    </>
  )
}

export default ConsultationsPage
