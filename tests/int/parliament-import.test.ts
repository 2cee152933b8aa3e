import fs from 'node:fs'
import { describe, expect, it } from 'vitest'

import type { ParliamentaryQuestionData } from '../../src/lib/parliament/written-questions'

import { htmlToPlainText, parseWrittenQuestions, questionSourceUrl } from '../../src/lib/parliament/written-questions'

// A fresh copy per test, so no test can change the data another one sees.
const loadFixture = (): { totalResults: number; results: { value: Record<string, unknown> }[] } =>
  JSON.parse(fs.readFileSync(new URL('../fixtures/written-questions.json', import.meta.url), 'utf8'))

const expectedAnswer = [
  'NHS England will work with health communities/clinical commissioning groups (CCGs) in need of improvement ' +
    'against CCG Improvement and Assessment Framework indicators to mutually identify the nature of the change ' +
    'needed and the type of support required to achieve this. A key focus of improvement will be to support CCGs ' +
    'and providers to locally map their services against nationally recognised best practice diabetes pathways ' +
    'and to identify where local pathways need to change in order to improve outcomes. NHS England is developing ' +
    'plans for additional support to be available from 2017/18 onwards:',
  '',
  '- The NHS Operational Planning and Contracting Guidance 2017-2019 included an announcement that NHS England ' +
    'intends to launch a major programme of investment in the treatment and care of people with diabetes, for ' +
    'which CCGs will be able to bid for additional funding of approximately £40 million per year, focused on the ' +
    'key areas of diabetes care where improvements in outcomes will be most beneficial.',
  '- A Diabetes CCG Improvement and Assessment Framework Independent Panel has been developed, chaired by the ' +
    'Chief Executive of Diabetes UK and includes panel members with a wide range of other diabetes clinical ' +
    'expertise. This will consider CCG positions in relation to the diabetes Improvement and Assessment Framework ' +
    'indicators and advise on actions to support improvement.',
  '- Sustainability and Transformation Plans (STPs). As part of supporting the development of STPs, a \u201cHow ' +
    'to\u201d guide for diabetes has been issued which sets out advice the actions which CCGs can take to support ' +
    'improvements.',
  '- NHS England regional teams: NHS England has funded diabetes programme leads within each of the National ' +
    'Health Service regions to work with CCGs to support improvement.',
].join('\n')

const expectedQuestion: ParliamentaryQuestionData = {
  uin: '54218',
  heading: 'Diabetes',
  house: 'Commons',
  dateAsked: '2016-11-21',
  dateAnswered: '2016-11-28',
  askingMember: 'Keith Vaz',
  answeringBody: 'Department of Health',
  answeringMember: 'Nicola Blackwood',
  question:
    'To ask the Secretary of State for Health, what steps his Department is taking to support clinical ' +
    'commissioning groups that need improvement or have the greatest need for improvement for diabetes care ' +
    'under the Clinical Commissioning Group Improvement and Assessment Framework.',
  answer: expectedAnswer,
  tags: ['diabetes'],
  sourceUrl: 'https://questions-statements.parliament.uk/written-questions/detail/2016-11-21/54218',
}

describe('parseWrittenQuestions with an API response file', () => {
  it('maps the answered question to every collection field exactly', () => {
    const { questions } = parseWrittenQuestions({ json: loadFixture() })
    expect(questions).toEqual([expectedQuestion])
  })

  it('decodes the pound sign and curly quotes, and lays the answer out as a paragraph then four list lines', () => {
    const [question] = parseWrittenQuestions({ json: loadFixture() }).questions
    expect(question?.answer).toContain('approximately £40 million per year')
    expect(question?.answer).toContain('a \u201cHow to\u201d guide')
    expect(question?.answer).not.toMatch(/&[#a-z0-9]+;|<[a-z/]/i)
    const lines = question!.answer!.split('\n')
    expect(lines[0]).toMatch(/^NHS England will work .* onwards:$/)
    expect(lines[1]).toBe('')
    expect(lines.slice(2)).toHaveLength(4)
    expect(lines.slice(2).every((line) => line.startsWith('- '))).toBe(true)
  })

  it('reports the withdrawn and the undated question by index and field, and leaves them out', () => {
    const { problems, questions } = parseWrittenQuestions({ json: loadFixture() })
    expect(problems).toEqual([
      { index: 1, message: 'results[1]: question 54301 was withdrawn, so it was skipped' },
      { index: 2, message: 'results[2]: value.dateTabled is missing or not a date' },
    ])
    expect(questions.map((question) => question.uin)).toEqual(['54218'])
  })

  it('names every faulty field of one item in a single problem, and keeps going with the next item', () => {
    const fixture = loadFixture()
    const broken = fixture.results[0]!.value
    broken.dateTabled = '2016-02-30T00:00:00'
    broken.dateAnswered = 'next week'
    broken.heading = '   '
    delete broken.questionText
    broken.answeringBodyName = 17
    const good = structuredClone(loadFixture().results[0]!)
    const { problems, questions } = parseWrittenQuestions({ json: { results: [fixture.results[0], 42, good] } })
    expect(problems).toEqual([
      {
        index: 0,
        message:
          'results[0]: value.dateTabled is missing or not a date; value.dateAnswered is not a date; ' +
          'value.heading is missing or empty; value.questionText is missing or empty; ' +
          'value.answeringBodyName is missing or empty',
      },
      { index: 1, message: 'results[1]: value is missing or not an object' },
    ])
    expect(questions).toEqual([expectedQuestion])
  })

  it('adds given tags after the heading, lower-cased and without duplicates', () => {
    const [question] = parseWrittenQuestions({
      json: loadFixture(),
      tags: ['Type 2', 'DIABETES', ' CCG  Support ', '', 'type 2'],
    }).questions
    expect(question?.tags).toEqual(['diabetes', 'type 2', 'ccg support'])
  })

  it('keeps an unanswered question with null answer fields, and maps Lords and Bicameral houses', () => {
    const value = {
      ...loadFixture().results[0]!.value,
      answerText: null,
      answeringMember: null,
      dateAnswered: null,
      house: 'Lords',
      uin: 'HL3456',
    }
    const [lords] = parseWrittenQuestions({ json: { value } }).questions
    expect(lords).toMatchObject({ answer: null, answeringMember: null, dateAnswered: null, house: 'Lords' })
    expect(lords?.sourceUrl).toBe('https://questions-statements.parliament.uk/written-questions/detail/2016-11-21/HL3456')

    const [bicameral] = parseWrittenQuestions({ json: { value: { ...value, house: 'Bicameral' } } }).questions
    expect(bicameral?.house).toBeNull()
  })

  it('gives a null uin, source URL and asking member when the API omits them', () => {
    const value: Record<string, unknown> = { ...loadFixture().results[0]!.value, askingMember: null }
    delete value.uin
    const [question] = parseWrittenQuestions({ json: [{ value }] }).questions
    expect(question).toMatchObject({ askingMember: null, sourceUrl: null, uin: null })
    expect(question?.dateAsked).toBe('2016-11-21')
  })
})

describe('parseWrittenQuestions with other saved shapes', () => {
  it('accepts a single { value } result', () => {
    const single = loadFixture().results[0]
    const { problems, questions } = parseWrittenQuestions({ json: single })
    expect(problems).toEqual([])
    expect(questions).toEqual([expectedQuestion])
  })

  it('accepts a bare array of results, labelling problems by their array position', () => {
    const { problems, questions } = parseWrittenQuestions({ json: loadFixture().results })
    expect(questions).toEqual([expectedQuestion])
    expect(problems.map((problem) => problem.message)).toEqual([
      '[1]: question 54301 was withdrawn, so it was skipped',
      '[2]: value.dateTabled is missing or not a date',
    ])
  })

  it('reports a single result with no date under the "question" label', () => {
    const value: Record<string, unknown> = { ...loadFixture().results[0]!.value }
    delete value.dateTabled
    expect(parseWrittenQuestions({ json: { value } })).toEqual({
      problems: [{ index: 0, message: 'question: value.dateTabled is missing or not a date' }],
      questions: [],
    })
  })

  it('accepts an empty API response', () => {
    expect(parseWrittenQuestions({ json: { results: [], totalResults: 0 } })).toEqual({ problems: [], questions: [] })
  })

  it('throws a clear error for an unrecognisable top level', () => {
    expect(() => parseWrittenQuestions({ json: 42 })).toThrow(
      /Written questions JSON not recognised: expected an API response .* but got a number\./,
    )
    expect(() => parseWrittenQuestions({ json: { foo: 1 } })).toThrow(/not recognised.*an object with keys foo/)
    expect(() => parseWrittenQuestions({ json: null })).toThrow(/not recognised.*got null/)
    expect(() => parseWrittenQuestions({ json: { results: 'none' } })).toThrow(/"results" is present but is not an array/)
    expect(() => parseWrittenQuestions({ json: '{"results":[]}' })).toThrow(/a string \(parse the file with JSON\.parse/)
  })
})

describe('htmlToPlainText', () => {
  it('separates paragraphs with a blank line and keeps list items on consecutive "- " lines', () => {
    const html = '<p>First.</p><p>Second:</p><ul><li>one</li><li>two</li></ul><p>After.</p>'
    expect(htmlToPlainText({ html })).toBe('First.\n\nSecond:\n\n- one\n- two\n\nAfter.')
  })

  it('strips nested inline tags, attributes included, and keeps paragraphs inside list items on the item line', () => {
    const html =
      '<div class="answer"><p>See <a href="https://www.gov.uk/x?a=1&amp;b=2"><strong>the <em>NHS</em></strong> ' +
      'guidance</a>.</p><ol><li><p>Item <span style="x">with <b>bold</b></span></p></li><li></li></ol></div>'
    expect(htmlToPlainText({ html })).toBe('See the NHS guidance.\n\n- Item with bold')
  })

  it('turns <br> in its various spellings into a line break', () => {
    expect(htmlToPlainText({ html: '<p>Line one<br>Line two<BR/>Line three<br />Line four</p>' })).toBe(
      'Line one\nLine two\nLine three\nLine four',
    )
  })

  it('decodes decimal and hex numeric entities and the named ones the API uses', () => {
    expect(htmlToPlainText({ html: '&#163;5 &#x2013; &#X201C;ok&#x201d; &#8217;' })).toBe('£5 \u2013 \u201cok\u201d \u2019')
    expect(
      htmlToPlainText({
        html: '&amp; &lt;b&gt; &quot;q&quot; &apos;a&apos; &pound;1 &ndash; &mdash; &lsquo;s&rsquo; &ldquo;d&rdquo; wait&hellip;',
      }),
    ).toBe('& <b> "q" \'a\' £1 \u2013 \u2014 \u2018s\u2019 \u201cd\u201d wait\u2026')
  })

  it('decodes only once and leaves unknown or invalid entities readable', () => {
    expect(htmlToPlainText({ html: '&amp;lt;p&amp;gt; &unknown; &#0; &#x110000;' })).toBe('&lt;p&gt; &unknown; \ufffd \ufffd')
  })

  it('collapses whitespace, including source newlines and &nbsp;, inside lines and trims the result', () => {
    const html = '\n  <p>  Lots   of\n\tspace&nbsp;&nbsp;here </p>\n\n<p>\n next </p>  '
    expect(htmlToPlainText({ html })).toBe('Lots of space here\n\nnext')
  })

  it('keeps a lone "<" that is not a tag, and drops comments and scripts', () => {
    expect(htmlToPlainText({ html: '<p>HbA1c < 48 mmol/mol<!-- note --><script>alert(1)</script></p>' })).toBe('HbA1c < 48 mmol/mol')
  })

  it('returns an empty string for markup with no text', () => {
    expect(htmlToPlainText({ html: '<p> </p><ul><li></li></ul>' })).toBe('')
  })
})

describe('questionSourceUrl', () => {
  it('builds the public page address from the date and uin', () => {
    expect(questionSourceUrl({ dateAsked: '2016-11-21', uin: '54218' })).toBe(
      'https://questions-statements.parliament.uk/written-questions/detail/2016-11-21/54218',
    )
  })

  it('is null when the uin or the date is missing or unusable', () => {
    expect(questionSourceUrl({ dateAsked: '2016-11-21', uin: null })).toBeNull()
    expect(questionSourceUrl({ dateAsked: '2016-11-21', uin: '  ' })).toBeNull()
    expect(questionSourceUrl({ dateAsked: null, uin: '54218' })).toBeNull()
    expect(questionSourceUrl({ dateAsked: 'soon', uin: '54218' })).toBeNull()
  })
})
