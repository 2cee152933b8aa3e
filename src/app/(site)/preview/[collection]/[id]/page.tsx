import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { CareAreaArticle } from '@/components/site/CareAreaArticle'
import { GuidanceArticle } from '@/components/site/GuidanceArticle'
import { IssueArticle } from '@/components/site/IssueArticle'
import { PolicyArticle } from '@/components/site/PolicyArticle'
import { RefreshOnSave } from '@/components/site/RefreshOnSave'
import { UpdateArticle } from '@/components/site/UpdateArticle'
import { loadIssueContent } from '@/lib/newsletter/render'
import { loadPreview, type Preview } from '@/lib/site/preview'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ collection: string; id: string }> }

// A draft's address must never reach a search engine, even if a member of staff shares it.
export const metadata: Metadata = { robots: { follow: false, index: false }, title: 'Preview' }

const Article = async ({ preview, user }: { preview: Preview; user: Awaited<ReturnType<typeof currentViewer>>['user'] }) => {
  const { payload } = await currentViewer()
  switch (preview.collection) {
    case 'care-areas':
      return <CareAreaArticle careArea={preview.careArea} payload={payload} user={user} />
    case 'newsletters':
      return <IssueArticle content={await loadIssueContent({ issue: preview.issue, payload })} issue={preview.issue} />
    case 'pages':
      return <GuidanceArticle found={preview.found} payload={payload} user={user} />
    case 'policies':
      return <PolicyArticle policy={preview.policy} />
    case 'updates':
      return <UpdateArticle update={preview.update} />
  }
}

/**
 * Staff see a document's newest version, draft or published, exactly as the public page will render it. Anyone
 * else gets 404, as for any unpublished address.
 */
const PreviewPage = async ({ params }: Props) => {
  const { collection, id } = await params
  const { payload, user } = await currentViewer()
  const preview = await loadPreview({ collection, id, payload, user })
  if (!preview) notFound()
  return (
    <>
      <RefreshOnSave />
      <div className="nhsuk-warning-callout">
        <h2 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Preview
          </span>
        </h2>
        <p>This is the newest saved version, shown as the public will see it once it is published. It is not public yet.</p>
      </div>
      <Article preview={preview} user={user} />
    </>
  )
}

export default PreviewPage
