import { CopyLinkButton } from './CopyLinkButton'

/** Share by email or by copying the address. No third-party widgets, scripts or trackers. */
export const ShareLinks = ({ title, url }: { title: string; url: string }) => {
  const mailto = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`
  return (
    <section aria-labelledby="share-heading" className="nhsuk-u-margin-top-4">
      <h2 className="nhsuk-heading-s" id="share-heading">
        Share this page
      </h2>
      <ul className="nhsuk-list">
        <li>
          <a href={mailto}>Share by email</a>
        </li>
        <li>
          <CopyLinkButton url={url} />
        </li>
      </ul>
    </section>
  )
}
