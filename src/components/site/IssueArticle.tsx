import type { IssueContent } from '@/lib/newsletter/render'
import type { Newsletter } from '@/payload-types'

import { DetailArticle } from '@/components/site/DetailArticle'
import { RichTextContent } from '@/components/site/RichTextContent'
import { NEWSLETTER, NEWSLETTERS } from '@/lib/routes'
import { formatDate, isoDay } from '@/lib/site/format'

/**
 * The web version of an issue: the same introduction and items as the email, in the site's design. An
 * issue not yet sent (the staff preview) shows no date.
 */
export const IssueArticle = ({ content, issue }: { content: IssueContent; issue: Newsletter }) => {
  return (
    <DetailArticle listing={{ href: NEWSLETTERS, label: 'Newsletter archive' }}>
      <h1>{issue.subject}</h1>
      <p className="nhsuk-body-s">
        {content.topic} newsletter
        {issue.sendStartedAt ? (
          <>
            {' · '}
            <time dateTime={isoDay(issue.sendStartedAt)}>{formatDate(issue.sendStartedAt)}</time>
          </>
        ) : null}
      </p>
      {issue.preheader ? <p className="nhsuk-lede-text">{issue.preheader}</p> : null}
      <RichTextContent value={content.introForSite as never} />
      {content.items.length ? (
        <ul className="nhsuk-list">
          {content.items.map((item) => (
            <li className="nhsuk-card nhsuk-card--clickable" key={item.url}>
              <div className="nhsuk-card__content">
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{item.kind}</p>
                <h2 className="nhsuk-card__heading nhsuk-heading-m">
                  <a className="nhsuk-card__link" href={new URL(item.url).pathname}>
                    {item.title}
                  </a>
                </h2>
                {item.summary ? <p className="nhsuk-card__description">{item.summary}</p> : null}
                {item.note ? <p className="nhsuk-body-s nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-0">{item.note}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href={NEWSLETTER}>Get the newsletter by email</a>
      </p>
    </DetailArticle>
  )
}
