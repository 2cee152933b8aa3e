import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import type { CommissioningTip, Document } from '../../src/payload-types'

import { RichTextContent } from '../../src/components/site/RichTextContent'
import { block, bulletList, heading, paragraph, richText } from '../../src/lib/richtext/build'

const doc = (status: 'draft' | 'published') =>
  ({ _status: status, filesize: 1_887_437, id: 7, mimeType: 'application/pdf', title: 'Diabetes Without Walls', url: '/api/documents/file/dww.pdf' }) as Document

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
      [block({ blockType: 'relatedPages', fields: { heading: 'See also', pages: [{ id: 1, title: 'Visible' }, { id: 2, title: 'Hidden' }] } })],
      { relatedHref: (page) => ((page as { id: number }).id === 1 ? { href: '/care-areas/a/visible', id: 1, title: 'Visible' } : null) },
    )
    expect(html).toContain('href="/care-areas/a/visible"')
    expect(html).not.toContain('Hidden')
  })

  it('renders the ten tips block from the tips loaded for the page', () => {
    const tips = [1, 2].map((rank) => ({ body: `Body ${rank}`, id: rank, rank, slug: `tip-${rank}`, title: `Tip ${rank}` }) as CommissioningTip)
    const html = render([block({ blockType: 'commissioningTips', fields: { heading: 'Ten top tips' } }), bulletList({ items: ['x'] })], { tips })
    expect(html).toContain('id="tip-tip-1"')
    expect(html).toContain('Body 2')
  })
})
