import type { Payload } from 'payload'

import { randomUUID } from 'node:crypto'

import type { Newsletter } from '../../payload-types'
import type { NewsletterItem } from './items'
import type { RichTextValue } from './lexical-email'

import { newsletterIssuePath } from '../routes'
import { readSiteSettings } from '../site/settings'
import { absoluteUrl, siteOrigin } from '../site/urls'
import { escapeHtml } from '../html/escape'
import { loadNewsletterItems, publicUrlOf } from './items'
import { COLOURS, FONT, internalLinkKey, internalLinks, richTextToEmail, withResolvedLinks } from './lexical-email'
import { topicLabel } from './topics'

/** Everything an issue's email is made of, read once per send: items as the public sees them. */
export type IssueContent = {
  intro: { html: string; text: string }
  /** The introduction for the site's renderer (the web version), internal links made public addresses. */
  introForSite: RichTextValue
  items: NewsletterItem[]
  /** Items left out because the public cannot read them (draft, withdrawn, professional-only). */
  missing: { relationTo: string; value: unknown }[]
  origin: string
  preheader: string
  siteName: string
  subject: string
  topic: string
  webUrl: string
}

export const issueWebPath = (slug: string): string => newsletterIssuePath({ slug })

export const loadIssueContent = async ({ issue, payload }: { issue: Newsletter; payload: Payload }): Promise<IssueContent> => {
  const [{ items, missing }, { siteName }] = await Promise.all([
    loadNewsletterItems({ payload, references: issue.items as never }),
    readSiteSettings({ payload }),
  ])
  const resolved = new Map<string, null | string>()
  for (const reference of internalLinks(issue.intro as RichTextValue)) {
    const key = internalLinkKey(reference)
    if (!resolved.has(key))
      resolved.set(key, await publicUrlOf({ payload, reference: { relationTo: String(reference.relationTo), value: reference.value } }))
  }
  const resolve = (reference: { relationTo?: string; value?: unknown }) => resolved.get(internalLinkKey(reference)) ?? null
  return {
    intro: richTextToEmail({ resolve, value: issue.intro as RichTextValue }),
    introForSite: withResolvedLinks({ resolve, value: issue.intro as RichTextValue }),
    items,
    missing,
    origin: siteOrigin(),
    preheader: issue.preheader?.trim() ?? '',
    siteName,
    subject: issue.subject.replace(/\s+/g, ' ').trim(),
    topic: topicLabel(issue.topic),
    webUrl: absoluteUrl(issueWebPath(issue.slug)),
  }
}

/** Per-recipient links, filled in by `personalise`. */
export type RecipientLinks = { manage: string; unsubscribe: string }

/**
 * An issue rendered once for all its recipients. The recipient's links are placeholders made of a random
 * value, so no text in the issue can be mistaken for one.
 */
export type IssueTemplate = { html: string; placeholders: RecipientLinks; subject: string; text: string }

const itemHtml = (item: NewsletterItem): string => `
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 24px 0;">
  <tr>
    <td style="border-left:4px solid ${COLOURS.blue};padding:0 0 0 16px;font-family:${FONT};">
      <p style="margin:0 0 4px 0;font-size:14px;line-height:20px;color:${COLOURS.grey};">${escapeHtml(item.kind)}</p>
      <h2 style="margin:0 0 8px 0;font-size:20px;line-height:28px;font-weight:bold;"><a href="${escapeHtml(item.url)}" style="color:${COLOURS.blue};text-decoration:underline;">${escapeHtml(item.title)}</a></h2>
      ${item.summary ? `<p style="margin:0 0 8px 0;font-size:16px;line-height:24px;color:${COLOURS.text};">${escapeHtml(item.summary)}</p>` : ''}
      ${item.note ? `<p style="margin:0;font-size:16px;line-height:24px;font-weight:bold;color:${COLOURS.text};">${escapeHtml(item.note)}</p>` : ''}
    </td>
  </tr>
</table>`

const html = ({ content, links }: { content: IssueContent; links: RecipientLinks }): string => `<!DOCTYPE html>
<html lang="en-GB" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>${escapeHtml(content.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:${COLOURS.paleGrey};">
${content.preheader ? `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;color:${COLOURS.paleGrey};">${escapeHtml(content.preheader)}</div>` : ''}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${COLOURS.paleGrey};">
  <tr>
    <td align="center" style="padding:0;">
      <table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;">
        <tr>
          <td style="background-color:${COLOURS.blue};padding:20px 24px;font-family:${FONT};">
            <a href="${escapeHtml(`${content.origin}/`)}" style="color:${COLOURS.white};font-size:22px;line-height:28px;font-weight:bold;text-decoration:none;">${escapeHtml(content.siteName)}</a>
          </td>
        </tr>
        <tr>
          <td style="background-color:${COLOURS.white};padding:24px;font-family:${FONT};color:${COLOURS.text};">
            <p style="margin:0 0 16px 0;font-size:14px;line-height:20px;color:${COLOURS.grey};">${escapeHtml(content.topic)} newsletter · <a href="${escapeHtml(content.webUrl)}" style="color:${COLOURS.blue};text-decoration:underline;">View it in your browser</a></p>
            <h1 style="margin:0 0 24px 0;font-size:28px;line-height:34px;font-weight:bold;color:${COLOURS.text};">${escapeHtml(content.subject)}</h1>
            ${content.intro.html}
            ${content.items.map(itemHtml).join('')}
          </td>
        </tr>
        <tr>
          <td style="padding:24px;font-family:${FONT};font-size:14px;line-height:20px;color:${COLOURS.grey};">
            <p style="margin:0 0 8px 0;">You are receiving this because you subscribed to ${escapeHtml(content.topic.toLowerCase())} from the ${escapeHtml(content.siteName)}.</p>
            <p style="margin:0;"><a href="${links.manage}" style="color:${COLOURS.darkBlue};text-decoration:underline;">Change your topics</a> · <a href="${links.unsubscribe}" style="color:${COLOURS.darkBlue};text-decoration:underline;">Unsubscribe</a></p>
          </td>
        </tr>
      </table>
    </td>
  </tr>
</table>
</body>
</html>
`

const text = ({ content, links }: { content: IssueContent; links: RecipientLinks }): string =>
  [
    `${content.siteName}: ${content.topic} newsletter`,
    `View it in your browser: ${content.webUrl}`,
    '',
    content.subject,
    '='.repeat(Math.min(content.subject.length, 70)),
    '',
    ...(content.intro.text ? [content.intro.text, ''] : []),
    ...content.items.flatMap((item) => [
      `${item.kind}: ${item.title}`,
      ...(item.summary ? [item.summary] : []),
      ...(item.note ? [item.note] : []),
      `Read more: ${item.url}`,
      '',
    ]),
    '---',
    `You are receiving this because you subscribed to ${content.topic.toLowerCase()} from the ${content.siteName}.`,
    `Change your topics: ${links.manage}`,
    `Unsubscribe: ${links.unsubscribe}`,
    '',
  ].join('\n')

export const renderIssueTemplate = ({ content }: { content: IssueContent }): IssueTemplate => {
  const marker = randomUUID()
  const placeholders = { manage: `hub-${marker}-manage`, unsubscribe: `hub-${marker}-unsubscribe` }
  return {
    html: html({ content, links: placeholders }),
    placeholders,
    subject: content.subject,
    text: text({ content, links: placeholders }),
  }
}

/** One recipient's copy: their own links in both parts (HTML-escaped in the HTML part). */
export const personalise = ({ links, template }: { links: RecipientLinks; template: IssueTemplate }): { html: string; text: string } => {
  const fill = (body: string, escape: (value: string) => string) =>
    body
      .split(template.placeholders.manage)
      .join(escape(links.manage))
      .split(template.placeholders.unsubscribe)
      .join(escape(links.unsubscribe))
  return { html: fill(template.html, escapeHtml), text: fill(template.text, (value) => value) }
}
