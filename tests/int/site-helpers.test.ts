import { describe, expect, it } from 'vitest'

import { pageNumber } from '../../src/components/site/Pagination'
import { consultationIsOpen } from '../../src/lib/content/consultation'
import { atomFeed } from '../../src/lib/site/atom'
import { anchorId, formatDate } from '../../src/lib/site/format'
import { safeReturnPath } from '../../src/lib/site/urls'

describe('consultation status', () => {
  it('is open until the end of the deadline day in UK time, then closed', () => {
    const deadline = '2018-01-31T00:00:00.000Z'
    expect(consultationIsOpen({ deadline, now: new Date('2018-01-31T23:30:00.000Z') })).toBe(true)
    expect(consultationIsOpen({ deadline, now: new Date('2018-02-01T00:30:00.000Z') })).toBe(false)
    // British Summer Time: 23:30 UTC on 30 June is already 1 July in the UK.
    expect(consultationIsOpen({ deadline: '2026-06-30T12:00:00.000Z', now: new Date('2026-06-30T23:30:00.000Z') })).toBe(false)
    expect(consultationIsOpen({ deadline: null })).toBe(false)
  })
})

describe('page numbers from the query string', () => {
  it('accepts positive whole numbers and falls back to page 1 for anything else', () => {
    expect(pageNumber('3')).toBe(3)
    expect(pageNumber(['2', '5'])).toBe(2)
    for (const bad of [undefined, '', '0', '-1', '1.5', 'abc', '1e9']) expect(pageNumber(bad)).toBe(1)
  })
})

describe('return paths after a form post', () => {
  it('allows same-site paths only', () => {
    expect(safeReturnPath('/care-areas/commissioning')).toBe('/care-areas/commissioning')
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', 42]) {
      expect(safeReturnPath(bad)).toBe('/')
    }
  })
})

describe('formatting', () => {
  it('writes dates the NHS way and anchors that are stable', () => {
    expect(formatDate('2016-11-28T00:00:00.000Z')).toBe('28 November 2016')
    expect(anchorId('Ten top tips for the commissioning of long term conditions')).toBe(
      'ten-top-tips-for-the-commissioning-of-long-term-conditions',
    )
    expect(anchorId('£ & ?')).toBe('section')
  })

  it('escapes feed entries so content cannot break the XML', () => {
    const xml = atomFeed({
      entries: [
        {
          id: 'https://hub/u/1',
          summary: 'A < B & "C"',
          title: 'Tom & Jerry <script>',
          updated: '2026-01-01T00:00:00.000Z',
          url: 'https://hub/u/1',
        },
      ],
      selfUrl: 'https://hub/updates/feed.xml',
      siteUrl: 'https://hub/updates',
      title: 'Updates',
    })
    expect(xml).toContain('<title>Tom &amp; Jerry &lt;script&gt;</title>')
    expect(xml).toContain('<summary>A &lt; B &amp; &quot;C&quot;</summary>')
    expect(xml).not.toContain('<script>')
  })
})
