import type { Metadata } from 'next'

import type { Action, Organisation, Recommendation } from '@/payload-types'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { DataTable } from '@/components/site/DataTable'
import { FilterSelect } from '@/components/site/FilterSelect'
import { RecommendationStatusTag } from '@/components/site/GovernanceTags'
import { RECOMMENDATION_STATUSES } from '@/lib/governance/options'
import { GOVERNANCE, recommendationAnchor, RECOMMENDATIONS } from '@/lib/routes'
import { listRecommendations, parseRecommendationFilter, recommendationOwners } from '@/lib/governance/site'
import { formatDate, isoDay } from '@/lib/site/format'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { alternates: { canonical: RECOMMENDATIONS }, title: 'Service review recommendations' }

type Params = Record<string, string | string[] | undefined>

const COLUMNS = [{ label: 'No.' }, { label: 'Recommendation', stacked: true }, { label: 'Owners' }, { label: 'Status' }] as const

type ProgressNote = NonNullable<Recommendation['progressNotes']>[number]

/** A recommendation's title, detail, sub-points, latest progress and linked actions. */
const RecommendationText = ({
  actions,
  latest,
  recommendation,
}: {
  actions: Action[]
  latest: ProgressNote | undefined
  recommendation: Recommendation
}) => (
  <>
    <strong>{recommendation.title}</strong>
    {recommendation.detail ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{recommendation.detail}</p> : null}
    {recommendation.subPoints?.length ? (
      <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
        {recommendation.subPoints.map((point) => (
          <li key={point.id}>{point.text}</li>
        ))}
      </ul>
    ) : null}
    {latest ? (
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
        Latest progress (<time dateTime={isoDay(latest.date)}>{formatDate(latest.date)}</time>): {latest.note}
      </p>
    ) : null}
    {actions.length ? (
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Actions: {actions.map((action) => action.title).join('; ')}</p>
    ) : null}
  </>
)

const RecommendationsPage = async ({ searchParams }: { searchParams: Promise<Params> }) => {
  const raw = await searchParams
  const filter = parseRecommendationFilter({ owner: raw.owner, status: raw.status })
  const { payload, user } = await currentViewer()
  const [recommendations, owners] = await Promise.all([
    listRecommendations({ filter, payload, user }),
    recommendationOwners({ payload, user }),
  ])
  const reviews = [...new Set(recommendations.map((recommendation) => recommendation.review))]
  return (
    <>
      <Breadcrumbs items={[{ href: GOVERNANCE, label: 'Network governance' }]} />
      <h1>Service review recommendations</h1>
      <p className="nhsuk-lede-text">Each recommendation, who owns it and how far it has got.</p>
      <form action={RECOMMENDATIONS} className="nhsuk-u-margin-bottom-5" method="get">
        <div className="nhsuk-grid-row">
          <FilterSelect any="Any status" label="Status" name="status" options={RECOMMENDATION_STATUSES} value={filter.status} />
          <FilterSelect
            any="Any owner"
            label="Owner"
            name="owner"
            options={owners.map((owner) => ({ label: owner.name, value: String(owner.id) }))}
            value={filter.owner}
          />
        </div>
        <button className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="submit">
          Filter
        </button>
        {filter.owner || filter.status ? (
          <p className="nhsuk-u-margin-top-3">
            <a href={RECOMMENDATIONS}>Clear filters</a>
          </p>
        ) : null}
      </form>
      <p role="status">{recommendations.length === 1 ? '1 recommendation' : `${recommendations.length} recommendations`}</p>
      {reviews.map((review) => (
        <DataTable
          caption={review}
          columns={COLUMNS}
          key={review}
          rows={recommendations
            .filter((recommendation) => recommendation.review === review)
            .map((recommendation) => {
              const latest = [...(recommendation.progressNotes ?? [])].sort((a, b) => b.date.localeCompare(a.date))[0]
              const actions = (recommendation.linkedActions ?? []).filter((action): action is Action => typeof action === 'object')
              return {
                cells: [
                  recommendation.number,
                  <RecommendationText actions={actions} key="text" latest={latest} recommendation={recommendation} />,
                  (recommendation.owners ?? [])
                    .filter((owner): owner is Organisation => typeof owner === 'object')
                    .map((owner) => owner.shortName || owner.name)
                    .join(', ') || 'Not assigned',
                  <RecommendationStatusTag key="status" status={recommendation.status} />,
                ],
                id: recommendationAnchor({ id: recommendation.id }),
                key: recommendation.id,
              }
            })}
        />
      ))}
    </>
  )
}

export default RecommendationsPage
