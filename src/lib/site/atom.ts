import { escapeXml } from '../html/escape'

export type FeedEntry = { id: string; summary?: null | string; title: string; updated: string; url: string }

/** An Atom 1.0 document; entries must already be public. */
export const atomFeed = ({
  entries,
  selfUrl,
  siteUrl,
  title,
}: {
  entries: FeedEntry[]
  selfUrl: string
  siteUrl: string
  title: string
}): string => {
  const updated = entries[0]?.updated ?? new Date(0).toISOString()
  const items = entries
    .map(
      (entry) => `  <entry>
    <id>${escapeXml(entry.id)}</id>
    <title>${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <updated>${escapeXml(entry.updated)}</updated>${entry.summary ? `\n    <summary>${escapeXml(entry.summary)}</summary>` : ''}
  </entry>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(selfUrl)}</id>
  <title>${escapeXml(title)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(siteUrl)}"/>
  <updated>${escapeXml(updated)}</updated>
${items}
</feed>
`
}
