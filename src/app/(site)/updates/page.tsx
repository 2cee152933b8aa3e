import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { Pagination, pageNumber } from '@/components/site/Pagination'
import { UpdateList } from '@/components/site/UpdateSummary'
import { UPDATES, UPDATES_FEED } from '@/lib/routes'
import { listUpdates } from '@/lib/site/content'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { alternates: { canonical: UPDATES }, title: 'Network updates' }

const UpdatesPage = async ({ searchParams }: { searchParams: Promise<{ page?: string }> }) => {
  const page = pageNumber((await searchParams).page)
  const { payload, user } = await currentViewer()
  const result = await listUpdates({ page, payload, user })
  return (
    <>
      <Breadcrumbs />
      <h1>Network updates</h1>
      <p>
        News, letters and consultations from the network. <a href={UPDATES_FEED}>Subscribe to the updates feed</a>.
      </p>
      <UpdateList empty="There are no updates on this page." updates={result.docs} />
      <Pagination basePath={UPDATES} page={result.page ?? page} totalPages={result.totalPages} />
    </>
  )
}

export default UpdatesPage
