import { beforeEach, describe, expect, it } from 'vitest'

import type { SearchDocument, SearchEngine } from '../../src/lib/search/types'

import { createEmbeddedEngine } from '../../src/lib/search/embedded'
import { snippet } from '../../src/lib/search/snippet'
import { expandQuery } from '../../src/lib/search/synonyms'
import { searchDoc as doc, expectSnippetEscapesHtml } from '../helpers/search'

const CORPUS: SearchDocument[] = [
  doc({
    id: 'pages:1',
    type: 'guidance',
    careArea: 'commissioning',
    title: 'Commissioning considerations for long-term conditions',
    summary: 'How integrated care boards plan services.',
    body: 'Integrated care boards took over from clinical commissioning groups in 2022.',
  }),
  doc({
    id: 'pages:2',
    type: 'guidance',
    careArea: 'eye-screening',
    title: 'Diabetic retinopathy screening',
    summary: 'Annual eye checks for people with diabetes.',
    body: 'Retinopathy is damage to the retina caused by high blood glucose.',
  }),
  doc({
    id: 'pages:3',
    type: 'tip',
    careArea: 'foot-care',
    title: 'Checking your feet every day',
    summary: 'Simple daily checks prevent ulcers.',
    body: 'People living with type 2 diabetes should look for cuts, blisters and colour changes.',
  }),
  doc({
    id: 'pages:4',
    type: 'guidance',
    careArea: 'blood-glucose',
    title: 'Understanding your HbA1c result',
    summary: 'What the number means.',
    body: 'The test shows average blood sugar over about three months.',
  }),
  doc({
    id: 'pages:5',
    type: 'update',
    careArea: 'blood-glucose',
    title: 'New glucose meter contract',
    summary: 'The network has a new supplier.',
    body: 'Glycated haemoglobin targets are unchanged by the new contract.',
  }),
  doc({
    id: 'pages:6',
    type: 'consultation',
    careArea: 'foot-care',
    title: 'Foot protection service consultation',
    summary: 'Tell us about foot services.',
    body: 'We want views on podiatry waiting times.',
  }),
  doc({
    id: 'pages:7',
    type: 'question',
    careArea: null,
    title: 'Parliamentary question on insulin pumps',
    summary: 'Answer from the minister.',
    body: 'Insulin pump access varies across the country.',
  }),
  doc({
    id: 'pages:8',
    type: 'document',
    careArea: 'eye-screening',
    title: 'Screening programme annual report',
    summary: 'Figures for the year.',
    body: 'Uptake of eye screening rose slightly. Grading of diabetic retinopathy is described in annex B.',
  }),
  doc({
    id: 'pages:9',
    type: 'care-area',
    careArea: 'foot-care',
    title: 'Foot care',
    summary: 'Everything about looking after your feet.',
    body: 'Footwear, nail care and when to see a podiatrist.',
  }),
  doc({
    id: 'pages:10',
    type: 'tip',
    careArea: 'blood-glucose',
    title: 'Eating well with diabetes',
    summary: 'Balanced meals and snacks.',
    body: 'Carbohydrate awareness helps keep blood glucose steady.',
  }),
  doc({
    id: 'pages:11',
    type: 'guidance',
    careArea: 'foot-care',
    audience: 'professional',
    title: 'Foot ulcer escalation pathway for clinicians',
    summary: 'Referral thresholds for the multidisciplinary foot team.',
    body: 'Refer active foot ulceration within one working day. Clinicians should record wound size.',
  }),
  doc({
    id: 'pages:12',
    type: 'guidance',
    careArea: 'eye-screening',
    title: 'Pregnancy and eye screening',
    summary: 'Extra eye checks in pregnancy.',
    body: 'Women with diabetes are offered additional screening because retinopathy can progress.',
  }),
]

let engine: SearchEngine
beforeEach(async () => {
  engine = createEmbeddedEngine({})
  await engine.upsert(CORPUS)
})

const ids = async (q: string, viewer: 'professional' | 'public' = 'public') =>
  (await engine.search({ q, viewer, pageSize: 50 })).hits.map((hit) => hit.id)

describe('ranking and matching', () => {
  it('ranks the document whose title is the query first', async () => {
    expect((await ids('Diabetic retinopathy screening'))[0]).toBe('pages:2')
    expect((await ids('foot care'))[0]).toBe('pages:9')
  })

  it('tolerates one typo in a long word', async () => {
    expect(await ids('comissioning')).toContain('pages:1')
    expect((await ids('comissioning'))[0]).toBe('pages:1')
  })

  it('matches on a prefix', async () => {
    const found = await ids('retin')
    expect(found).toEqual(expect.arrayContaining(['pages:2', 'pages:8', 'pages:12']))
    expect(found).not.toContain('pages:4')
  })

  it('expands synonyms in both directions', async () => {
    // pages:3 says only "type 2 diabetes"; nothing in the corpus says "t2dm".
    expect(await ids('T2DM')).toEqual(['pages:3'])
    // pages:4 says only "HbA1c", pages:5 only "glycated haemoglobin".
    expect(await ids('HbA1c')).toEqual(expect.arrayContaining(['pages:4', 'pages:5']))
    expect(await ids('glycated haemoglobin')).toEqual(expect.arrayContaining(['pages:4', 'pages:5']))
    expect(await ids('ICB')).toEqual(['pages:1'])
  })

  it('ranks a title match above a body-only match', async () => {
    // The body-only document even repeats the word, and is added first.
    await engine.upsert([
      doc({
        id: 'pages:21',
        type: 'update',
        title: 'Network newsletter',
        summary: 'News for members.',
        body: 'Pharmacy opening hours, pharmacy stock and a pharmacy survey.',
      }),
      doc({
        id: 'pages:20',
        type: 'update',
        title: 'Pharmacy contract changes',
        summary: 'What changes in April.',
        body: 'Repeat prescriptions will be collected differently.',
      }),
    ])
    expect(await ids('pharmacy')).toEqual(['pages:20', 'pages:21'])
  })

  it('requires every word of a multi-word query, ignoring stop words', async () => {
    expect(await ids('insulin pumps')).toEqual(['pages:7'])
    expect(await ids('care for the feet')).toEqual(['pages:9'])
  })
})

describe('audience', () => {
  it('keeps professional documents out of public hits, totals and facets', async () => {
    const publicResult = await engine.search({ q: 'foot', viewer: 'public' })
    const professionalResult = await engine.search({ q: 'foot', viewer: 'professional' })
    expect(publicResult.hits.map((hit) => hit.id)).not.toContain('pages:11')
    expect(professionalResult.hits.map((hit) => hit.id)).toContain('pages:11')
    expect(professionalResult.total - publicResult.total).toBe(1)
    expect(publicResult.facets.type.guidance).toBeUndefined()
    expect(professionalResult.facets.type.guidance).toBe(1)
    expect(professionalResult.facets.careArea['foot-care'] - publicResult.facets.careArea['foot-care']).toBe(1)
  })

  it('finds nothing for a public viewer searching words only professional documents use', async () => {
    const result = await engine.search({ q: 'clinicians', viewer: 'public' })
    expect(result.total).toBe(0)
    expect(result.hits).toEqual([])
    expect(result.facets).toEqual({ careArea: {}, type: {} })
    // The suggestion comes from public text ("clinical commissioning groups"), never from the hidden document.
    expect(result.suggestion).toBe('clinical')
    expect((await engine.search({ q: 'clinicians', viewer: 'professional' })).total).toBe(1)
    // A misspelling of a word only the professional document contains: found for professionals, not suggested to the public.
    expect((await engine.search({ q: 'ulceratoin', viewer: 'professional' })).hits.map((hit) => hit.id)).toEqual(['pages:11'])
    expect((await engine.search({ q: 'ulceratoin', viewer: 'public' })).suggestion).not.toBe('ulceration')
  })
})

describe('filters, facets and pages', () => {
  it('filters by type and care area, counting each facet under the other filter', async () => {
    const all = await engine.search({ q: 'screening', viewer: 'public' })
    expect(all.total).toBe(3)
    expect(all.facets.type).toEqual({ document: 1, guidance: 2 })
    expect(all.facets.careArea).toEqual({ 'eye-screening': 3 })

    const guidance = await engine.search({ q: 'screening', type: 'guidance', viewer: 'public' })
    expect(guidance.hits.map((hit) => hit.id).sort()).toEqual(['pages:12', 'pages:2'])
    expect(guidance.total).toBe(2)
    // The type facet still offers "document" while guidance is selected.
    expect(guidance.facets.type).toEqual({ document: 1, guidance: 2 })
    expect(guidance.facets.careArea).toEqual({ 'eye-screening': 2 })

    const footCare = await engine.search({ q: 'diabetes', careArea: 'foot-care', viewer: 'public' })
    expect(footCare.hits.map((hit) => hit.id)).toEqual(['pages:3'])
    const none = await engine.search({ q: 'screening', careArea: 'foot-care', viewer: 'public' })
    expect(none.total).toBe(0)
    expect(none.facets.careArea).toEqual({ 'eye-screening': 3 })
  })

  it('pages through the matches without overlap, keeping total and facets', async () => {
    const everything = await engine.search({ q: 'diabetes', viewer: 'public', pageSize: 50 })
    expect(everything.total).toBeGreaterThanOrEqual(5)
    const pages = await Promise.all([1, 2, 3].map((page) => engine.search({ q: 'diabetes', viewer: 'public', page, pageSize: 2 })))
    expect(pages.map((p) => p.hits.length)).toEqual([2, 2, Math.min(2, everything.total - 4)])
    expect(pages.flatMap((p) => p.hits.map((hit) => hit.id))).toEqual(everything.hits.slice(0, 6).map((hit) => hit.id))
    for (const p of pages) {
      expect(p.total).toBe(everything.total)
      expect(p.facets).toEqual(everything.facets)
    }
    expect((await engine.search({ q: 'diabetes', viewer: 'public', page: 99, pageSize: 2 })).hits).toEqual([])
  })
})

describe('suggestions and snippets', () => {
  it('suggests a spelling when a misspelling finds nothing', async () => {
    const result = await engine.search({ q: 'retinpothay', viewer: 'public' })
    expect(result.total).toBe(0)
    expect(result.suggestion).toBe('retinopathy')
    expect((await engine.search({ q: 'retinopathy', viewer: 'public' })).suggestion).toBeNull()
  })

  it('escapes HTML in the text and marks the match', () => expectSnippetEscapesHtml({ engine }))

  it('marks prefix matches in the best-matching field and centres on the first match', async () => {
    const [hit] = (await engine.search({ q: 'podiat', viewer: 'public', type: 'consultation' })).hits
    expect(hit.snippet).toBe('We want views on <mark>podiatry</mark> waiting times.')
    const long = `${'word '.repeat(100)}target ${'word '.repeat(100)}`
    const text = snippet({ text: long, terms: ['target'] })
    expect(text).toMatch(/^….*<mark>target<\/mark>.*…$/)
    expect(text.length).toBeLessThan(200)
    expect(Math.abs(text.indexOf('<mark>') - (text.length - text.indexOf('</mark>')))).toBeLessThan(20)
  })

  it('marks every match inside the window, amounts included, however far into a long text the first one is', () => {
    const long = `${'filler '.repeat(2000)}The £40m Target was met; the target for 2027 follows. ${'filler '.repeat(2000)}target`
    const text = snippet({ text: long, terms: ['target', '40', 'million'] })
    expect(text).toContain('The £<mark>40m</mark> <mark>Target</mark> was met; the <mark>target</mark> for 2027 follows.')
    // The window ends long before the last 'target', which is not in the snippet.
    expect(text.match(/<mark>/g)).toHaveLength(3)
    expect(text.length).toBeLessThan(300)
  })

  it('shows line breaks and runs of spaces as single spaces and drops whitespace at either end', () => {
    expect(snippet({ text: '\n\n  Check   your\tfeet\r\n\r\nevery   day.  \n', terms: ['feet'] })).toBe(
      'Check your <mark>feet</mark> every day.',
    )
    expect(snippet({ text: ' \n\t ', terms: ['feet'] })).toBe('')
    const long = `${'word\n\n'.repeat(100)}target${'  word'.repeat(100)}\n`
    const text = snippet({ text: long, terms: ['target'] })
    expect(text).toMatch(/^…word word .*<mark>target<\/mark> word .* word…$/)
    expect(text).not.toMatch(/\s{2}|\n/)
  })
})

describe('index maintenance', () => {
  it('removes documents and replaces, not duplicates, on upsert', async () => {
    expect(await engine.count()).toBe(12)
    await engine.remove(['pages:7', 'pages:unknown'])
    expect(await engine.count()).toBe(11)
    expect(await ids('insulin')).toEqual([])

    await engine.upsert([{ ...CORPUS[1], title: 'Eye screening for diabetic maculopathy', body: 'Maculopathy affects central vision.' }])
    expect(await engine.count()).toBe(11)
    expect(await ids('maculopathy')).toEqual(['pages:2'])
    // The old text is gone from the index, not just hidden.
    expect(await ids('retina')).not.toContain('pages:2')
    expect((await engine.search({ q: 'maculopathy', viewer: 'public' })).hits[0].title).toBe('Eye screening for diabetic maculopathy')

    await engine.clear()
    expect(await engine.count()).toBe(0)
    expect((await engine.search({ q: 'diabetes', viewer: 'public' })).total).toBe(0)
  })
})

describe('synonym expansion', () => {
  it('adds whole-word, case-insensitive alternatives only', () => {
    expect(expandQuery({ q: 'T2DM foot care' })).toEqual(['T2DM foot care', 'type 2 diabetes foot care', 'type ii diabetes foot care'])
    expect(expandQuery({ q: 'long-term condition', synonyms: [['ltc', 'long-term condition']] })).toEqual(['long-term condition', 'ltc'])
    expect(expandQuery({ q: 'icbm', synonyms: [['icb', 'integrated care board']] })).toEqual(['icbm'])
    expect(expandQuery({ q: 'retinopathy' })).toEqual(['retinopathy'])
  })
})
