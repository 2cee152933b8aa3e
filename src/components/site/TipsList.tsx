import type { CommissioningTip } from '@/payload-types'

/** The ten top tips, each with its own anchor (#tip-<slug>) so a single tip can be linked to. */
export const TipsList = ({ heading, headingLevel, tips }: { heading?: string; headingLevel: 1 | 2; tips: CommissioningTip[] }) => {
  if (!tips.length) return null
  const Heading = headingLevel === 1 ? 'h2' : 'h3'
  return (
    <section aria-label={heading}>
      {heading && headingLevel === 2 ? <h2>{heading}</h2> : null}
      <ol className="nhsuk-list nhsuk-list--number">
        {tips.map((tip) => (
          <li id={`tip-${tip.slug}`} key={tip.id}>
            <Heading className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{tip.title}</Heading>
            <p>{tip.body}</p>
          </li>
        ))}
      </ol>
    </section>
  )
}
