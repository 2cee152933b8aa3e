import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import type { CommissioningTip, Document } from '../../src/payload-types'

import { DocumentList } from '../../src/components/site/DocumentLink'
import { AwaitingReviewNotice, ReviewDates } from '../../src/components/site/ReviewDates'
import { RichTextContent } from '../../src/components/site/RichTextContent'
import { block, bulletList, heading, internalLink, paragraph, richText } from '../../src/lib/richtext/build'

const doc = (status: 'draft' | 'published') =>
  ({
    _status: status,
    filesize: 1_887_437,
    id: 7,
    mimeType: 'application/pdf',
    title: 'Diabetes Without Walls',
    url: '/api/documents/file/dww.pdf',
  }) as Document

const render = (children: ReturnType<typeof paragraph>[], extra: Partial<Parameters<typeof RichTextContent>[0]> = {}) =>
  renderToStaticMarkup(<RichTextContent value={richText({ children }) as never} {...extra} />)

describe('guidance rich text on the site', () => {
  it('gives h2 headings anchors and lists them in the contents block', () => {
    const html = render([block({ blockType: 'contentsList' }), heading({ level: 'h2', text: 'LTC model' }), paragraph({ text: 'Body' })])
    expect(html).toContain('<h2 id="ltc-model">LTC model</h2>')
    expect(html).toMatch(/<nav aria-label="Contents"[^>]*>.*href="#ltc-model".*LTC model/)
  })

  it('renders callouts as NHS.UK inset text or warning callouts', () => {
    const html = render([
      block({ blockType: 'callout', fields: { heading: 'Note', text: 'For commissioners', variant: 'information' } }),
      block({ blockType: 'callout', fields: { text: 'Check local policy', variant: 'warning' } }),
    ])
    expect(html).toMatch(/class="nhsuk-inset-text".*For commissioners/)
    expect(html).toMatch(/class="nhsuk-warning-callout".*Important.*Check local policy/)
  })

  it('shows a document link with type and size, and nothing for a draft or hidden document', () => {
    const html = render([
      block({ blockType: 'documentLink', fields: { document: doc('published') } }),
      block({ blockType: 'documentLink', fields: { document: { ...doc('draft'), title: 'Unpublished' } } }),
      block({ blockType: 'documentLink', fields: { document: 99 } }),
    ])
    expect(html).toContain('href="/api/documents/file/dww.pdf"')
    expect(html).toContain('(PDF, 1.8 MB)')
    expect(html).not.toContain('Unpublished')
  })

  it('links related pages the visitor may see and drops the rest', () => {
    const html = render(
      [
        block({
          blockType: 'relatedPages',
          fields: {
            heading: 'See also',
            pages: [
              { id: 1, title: 'Visible' },
              { id: 2, title: 'Hidden' },
            ],
          },
        }),
      ],
      { relatedHref: (page) => ((page as { id: number }).id === 1 ? { href: '/care-areas/a/visible', id: 1, title: 'Visible' } : null) },
    )
    expect(html).toContain('href="/care-areas/a/visible"')
    expect(html).not.toContain('Hidden')
  })

  it('renders the ten tips block from the tips loaded for the page', () => {
    const tips = [1, 2].map(
      (rank) => ({ body: `Body ${rank}`, id: rank, rank, slug: `tip-${rank}`, title: `Tip ${rank}` }) as CommissioningTip,
    )
    const html = render([block({ blockType: 'commissioningTips', fields: { heading: 'Ten top tips' } }), bulletList({ items: ['x'] })], {
      tips,
    })
    expect(html).toContain('id="tip-tip-1"')
    expect(html).toContain('Body 2')
  })
})

describe('library entries and review dates on the site', () => {
  const reference = {
    _status: 'published',
    audience: 'public',
    id: 12,
    publicationYear: 2017,
    publisher: 'SCN',
    title: 'GM Diabetes Strategy',
  } as Document

  it('links a mention of a library entry to the entry, and shows only the words when the visitor may not see it', () => {
    const mentionOf = (value: unknown) =>
      paragraph({
        text: [
          'See ',
          {
            ...internalLink({ relationTo: 'documents', text: 'the strategy', value: 1 }),
            fields: { doc: { relationTo: 'documents', value }, linkType: 'internal', newTab: false },
          },
          '.',
        ],
      })
    expect(render([mentionOf(reference)])).toContain('<p>See <a href="/documents/12">the strategy</a>.</p>')
    expect(render([mentionOf(12)])).toContain('<p>See the strategy.</p>')
    expect(render([mentionOf({ ...reference, _status: 'draft' })])).not.toContain('<a')
  })

  it('shows an entry without a file as a reference: no download, no file type or size', () => {
    const html = renderToStaticMarkup(<DocumentList documents={[reference]} heading="Attachments" />)
    expect(html).toContain('<a href="/documents/12">GM Diabetes Strategy</a>')
    expect(html).toContain('(SCN, 2017)')
    expect(html).not.toMatch(/PDF|KB|MB/)
    const block_ = render([block({ blockType: 'documentLink', fields: { document: reference } })])
    expect(block_).toContain('href="/documents/12"')
  })

  it('gives the ten tips no second heading when the section heading says it or the block heading was emptied', () => {
    const tips = [{ body: 'Body', id: 1, rank: 1, slug: 'tip-1', title: 'Tip 1' } as CommissioningTip]
    const section = heading({ level: 'h2', text: 'Ten top tips for the commissioning of long term conditions' })
    const count = (html: string) => (html.match(/<h2/g) ?? []).length
    expect(
      count(
        render(
          [
            section,
            paragraph({ text: 'Intro' }),
            block({ blockType: 'commissioningTips', fields: { heading: 'Ten top tips for commissioning' } }),
          ],
          { tips },
        ),
      ),
    ).toBe(1)
    expect(count(render([section, block({ blockType: 'commissioningTips', fields: { heading: '' } })], { tips }))).toBe(1)
    // Under a different section, the block keeps its own heading.
    expect(
      render(
        [
          heading({ level: 'h2', text: 'Other' }),
          block({ blockType: 'commissioningTips', fields: { heading: 'Ten top tips for commissioning' } }),
        ],
        { tips },
      ),
    ).toContain('<h2>Ten top tips for commissioning</h2>')
  })

  it('says a review date is not known and that imported text awaits clinical review (where it came from above the guidance), instead of a next review date', () => {
    const imported = renderToStaticMarkup(
      <ReviewDates
        review={{
          awaitingClinicalReview: true,
          nextReviewDue: '2026-12-02',
          origin: 'written for the earlier Diabetes Journey site',
          originYear: 2007,
        }}
      />,
    )
    expect(imported).toContain('Page last reviewed: not known<br/>Awaiting clinical review')
    expect(imported).not.toContain('Next review due')
    const notice = renderToStaticMarkup(
      <AwaitingReviewNotice
        review={{ awaitingClinicalReview: true, origin: 'written for the earlier Diabetes Journey site', originYear: 2007 }}
      />,
    )
    expect(notice).toContain('This page was written for the earlier Diabetes Journey site (2007) and is awaiting clinical review.')
    expect(renderToStaticMarkup(<AwaitingReviewNotice review={{ awaitingClinicalReview: false, origin: 'x' }} />)).toBe('')
    const signedOff = renderToStaticMarkup(
      <ReviewDates
        review={{ awaitingClinicalReview: false, lastReviewed: '2026-03-10T12:00:00.000Z', nextReviewDue: '2027-03-10T12:00:00.000Z' }}
      />,
    )
    expect(signedOff).toContain('Page last reviewed: <time dateTime="2026-03-10">10 March 2026</time>')
    expect(signedOff).toContain('Next review due: <time dateTime="2027-03-10">10 March 2027</time>')
  })
})
