import type { Payload } from 'payload'

import { REST_GET } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { QuestionReport } from '../../src/lib/questions/report-statistics'
import type { User } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { questionReport } from '../../src/lib/questions/report'
import { reportCsv } from '../../src/lib/questions/report-csv'
import { eraseQuestion } from '../../src/lib/questions/retention'
import { dueDayFor, endOfUkDay } from '../../src/lib/sla/working-days'
import { apiClient } from '../helpers/api'
import { createUser, startTestHub } from '../helpers/hub'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>
const config = import('../../payload.config').then((m) => m.default)
const tokens: Record<string, string | undefined> = {}
const ids: Record<string, number | string> = {}

// June and July 2026 are British Summer Time with no bank holidays; 20 July is a Monday.
const now = new Date('2026-07-20T12:00:00+01:00')
const FEET = 'Feet, eyes & "kidneys"'

type Fixture = {
  answeredAt?: string
  careArea?: 'diagnosis' | 'feet'
  due?: 'paused'
  firstResponseAt?: string
  receivedAt: string
  status: 'answered' | 'assigned' | 'awaiting-requester' | 'closed'
}

/**
 * Eight questions whose first-response working times and outcomes are known by hand (5 working days to answer):
 * weekends stop the clock, so Friday 16:00 to Monday 10:00 is 8 h + 10 h.
 */
const FIXTURES: Record<string, Fixture> = {
  // June, Diagnosis: 4 h to respond, answered the same day (met).
  q1: {
    answeredAt: '2026-06-01T14:00:00+01:00',
    careArea: 'diagnosis',
    firstResponseAt: '2026-06-01T14:00:00+01:00',
    receivedAt: '2026-06-01T10:00:00+01:00',
    status: 'answered',
  },
  // June, Diagnosis: Fri 16:00 → Mon 10:00 is 18 h; answered Mon 15 Jun, after the due day Fri 12 Jun (missed).
  q2: {
    answeredAt: '2026-06-15T09:00:00+01:00',
    careArea: 'diagnosis',
    firstResponseAt: '2026-06-08T10:00:00+01:00',
    receivedAt: '2026-06-05T16:00:00+01:00',
    status: 'answered',
  },
  // June, Feet: 24 h, answered on time and then closed: still answered.
  q3: {
    answeredAt: '2026-06-11T09:00:00+01:00',
    careArea: 'feet',
    firstResponseAt: '2026-06-11T09:00:00+01:00',
    receivedAt: '2026-06-10T09:00:00+01:00',
    status: 'closed',
  },
  // 23:30 UTC on 30 June is 00:30 on 1 July in the UK: a July question. Unlinked, open, no response, overdue.
  q4: { receivedAt: '2026-06-30T23:30:00Z', status: 'assigned' },
  // July, Feet: 0.5 h to respond, open and due on Thursday 23rd (on track).
  q5: { careArea: 'feet', firstResponseAt: '2026-07-16T10:30:00+01:00', receivedAt: '2026-07-16T10:00:00+01:00', status: 'assigned' },
  // July, Diagnosis: closed without an answer (spam): received, but neither met nor missed, nor open.
  q6: { careArea: 'diagnosis', receivedAt: '2026-07-02T09:00:00+01:00', status: 'closed' },
  // July, unlinked: Mon 09:00 → Tue 15:00 is 15 h + 15 h = 30 h, answered then (met).
  q7: {
    answeredAt: '2026-07-07T15:00:00+01:00',
    firstResponseAt: '2026-07-07T15:00:00+01:00',
    receivedAt: '2026-07-06T09:00:00+01:00',
    status: 'answered',
  },
  // July, Diagnosis: awaiting the asker after 6 minutes (0.1 h), clock paused, so not overdue.
  q8: {
    careArea: 'diagnosis',
    due: 'paused',
    firstResponseAt: '2026-07-17T09:06:00+01:00',
    receivedAt: '2026-07-17T09:00:00+01:00',
    status: 'awaiting-requester',
  },
}

const row = (values: [number, number, number, null | number, null | number, null | number, number, number]) => {
  const [received, answered, metTarget, metPercent, median, p90, open, overdue] = values
  return {
    answered,
    // None of these was answered from a published answer: questions-and-answers.test.ts counts those.
    answeredFromPublished: 0,
    medianFirstResponseWorkingHours: median,
    metPercent,
    metTarget,
    open,
    overdue,
    p90FirstResponseWorkingHours: p90,
    received,
  }
}

//                                   received answered met  met%  median  p90  open overdue
const EXPECTED: QuestionReport = {
  byCareArea: [
    { careArea: 'Diagnosis', ...row([4, 2, 1, 50, 4, 18, 1, 0]) },
    { careArea: FEET, ...row([2, 1, 1, 100, 0.5, 24, 1, 0]) },
    { careArea: 'Not linked', ...row([2, 1, 1, 50, 30, 30, 1, 1]) },
  ],
  byMonth: [
    { month: '2026-06', ...row([3, 3, 2, 66.7, 18, 24, 0, 0]) },
    { month: '2026-07', ...row([5, 1, 1, 50, 0.5, 30, 3, 1]) },
  ],
  // Known outcomes: 4 answered + 1 open overdue, 3 met. First responses 0.1, 0.5, 4, 18, 24, 30: nearest rank 3 and 6.
  overall: row([8, 4, 3, 60, 4, 30, 3, 1]),
}

/** A full user document, as the admin passes it, for calls that apply access rules. */
const asUser = async ({ roles }: { roles: string[] }): Promise<User> => {
  const { id } = await createUser({ payload, roles })
  return { ...(await payload.findByID({ collection: 'users', depth: 0, id })), collection: 'users' }
}

/** A raw GET through the REST handler, for responses that are not JSON. */
const get = async ({ path, token }: { path: string; token?: string }): Promise<Response> =>
  REST_GET((await config) as never)(
    new Request(`http://localhost/api/${path}`, { headers: token ? { authorization: `JWT ${token}` } : {} }),
    { params: Promise.resolve({ slug: path.split('?')[0]!.split('/') }) },
  )

const fieldErrors = (json: { errors?: { data?: { errors?: { message: string; path: string }[] } }[] }) =>
  Object.fromEntries((json.errors?.[0]?.data?.errors ?? []).map((error) => [error.path, error.message]))

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  api = apiClient({ config })
  for (const role of ['responder', 'admin', 'editor', 'professional']) {
    tokens[role] = (await api.login(await createUser({ payload, roles: [role] }))).token
  }
  const diagnosis = await payload.create({
    collection: 'care-areas',
    data: { _status: 'published', slug: 'diagnosis', step: 1, summary: 'Spotting diabetes early.', title: 'Diagnosis' },
  })
  // A draft: responders cannot read it, yet their report must still name it.
  const feet = await payload.create({
    collection: 'care-areas',
    data: { _status: 'draft', slug: 'feet-eyes-kidneys', step: 2, summary: 'Complications.', title: FEET },
    draft: true,
  })
  const careAreas = { diagnosis: diagnosis.id, feet: feet.id }

  for (const [key, fixture] of Object.entries(FIXTURES)) {
    const question = await payload.create({
      collection: 'questions',
      // Status and dates come from the hooks on create; the cast skips the generated type's demand for them.
      data: {
        email: `${key}@example.org`,
        name: `Asker ${key}`,
        question: 'How do I refer to structured education?',
        telephone: '01632 960 001',
      } as never,
    })
    ids[key] = question.id
    const dueDay = fixture.due === 'paused' ? null : dueDayFor({ days: 5, received: new Date(fixture.receivedAt) })
    // Straight to the database: the workflow hook would stamp "now" and recompute the due time on any update.
    await payload.db.updateOne({
      collection: 'questions',
      data: {
        answeredAt: fixture.answeredAt ?? null,
        careArea: fixture.careArea ? careAreas[fixture.careArea] : null,
        dueAt: dueDay ? endOfUkDay({ day: dueDay }).toISOString() : null,
        dueDay,
        firstResponseAt: fixture.firstResponseAt ?? null,
        receivedAt: new Date(fixture.receivedAt).toISOString(),
        status: fixture.status,
      },
      id: question.id,
      returning: false,
    })
  }
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('the fixture', () => {
  it('is stored as written, not recomputed by the workflow hook', async () => {
    const q2 = await payload.findByID({ collection: 'questions', id: ids.q2! })
    expect(q2).toMatchObject({
      answeredAt: '2026-06-15T08:00:00.000Z',
      dueAt: '2026-06-12T22:59:59.999Z',
      dueDay: '2026-06-12',
      firstResponseAt: '2026-06-08T09:00:00.000Z',
      receivedAt: '2026-06-05T15:00:00.000Z',
      status: 'answered',
    })
  })
})

describe('questionReport', () => {
  it('counts each month (UK time), care area and the whole, with nearest-rank working-hour percentiles', async () => {
    expect(await questionReport({ now, payload })).toEqual(EXPECTED)
  })

  it('gives the same report when questions are read a few at a time', async () => {
    expect(await questionReport({ now, pageSize: 3, payload })).toEqual(EXPECTED)
  })

  it('reads workflow fields only, 500 at a time, never who asked', async () => {
    const find = vi.spyOn(payload, 'find')
    try {
      await questionReport({ now, payload })
      const questionReads = find.mock.calls.map(([args]) => args).filter((args) => args.collection === 'questions')
      expect(questionReads).toHaveLength(1)
      expect(questionReads[0]).toMatchObject({ depth: 1, limit: 500, page: 1 })
      expect(Object.keys(questionReads[0]!.select ?? {}).sort()).toEqual([
        'answeredAt',
        'answeredFrom',
        'careArea',
        'dueDay',
        'firstResponseAt',
        'receivedAt',
        'status',
      ])
    } finally {
      find.mockRestore()
    }
  })

  it("is unchanged when askers' personal data is erased", async () => {
    const before = await questionReport({ now, payload })
    await eraseQuestion({ id: ids.q1!, payload })
    await eraseQuestion({ id: ids.q4!, payload })
    expect((await payload.findByID({ collection: 'questions', id: ids.q1! })).email).not.toContain('q1@')
    expect(await questionReport({ now, payload })).toEqual(before)
  })

  it('judges open questions against `now`: before its due time an open question is undecided, not missed', async () => {
    const early = await questionReport({ now: new Date('2026-07-03T12:00:00+01:00'), payload })
    const unlinked = early.byCareArea.find(({ careArea }) => careArea === 'Not linked')
    // Q4 is due on 8 July, so only Q7 (met) has a known outcome.
    expect(unlinked).toMatchObject({ metPercent: 100, metTarget: 1, open: 1, overdue: 0 })
  })

  it('counts closure days from the site settings as non-working when timing first responses', async () => {
    const settings = await payload.findGlobal({ slug: 'site-settings' })
    await payload.updateGlobal({ data: { closureDays: [{ day: '2026-06-08T12:00:00.000Z', reason: 'Training' }] }, slug: 'site-settings' })
    try {
      const [june] = (await questionReport({ now, payload })).byMonth
      // Q2 now has only Friday's 8 h: responses 4, 8, 24 h.
      expect(june).toMatchObject({ medianFirstResponseWorkingHours: 8, p90FirstResponseWorkingHours: 24 })
    } finally {
      await payload.updateGlobal({ data: { closureDays: settings.closureDays ?? [] }, slug: 'site-settings' })
    }
  })

  it('filters by UK received day, both ends included', async () => {
    const july = await questionReport({ from: '2026-07-01', now, payload })
    // Q4, received 23:30 UTC on 30 June, is a 1 July question.
    expect(july.byMonth).toEqual([EXPECTED.byMonth[1]])
    const { month: _month, ...julyFigures } = EXPECTED.byMonth[1]!
    expect(july.overall).toEqual(julyFigures)
    const june = await questionReport({ now, payload, to: '2026-06-30' })
    expect(june.byMonth).toEqual([EXPECTED.byMonth[0]])
    const oneDay = await questionReport({ from: '2026-06-05', now, payload, to: '2026-06-05' })
    expect(oneDay.overall.received).toBe(1)
  })

  it('refuses a date that is not a real day, naming the field', async () => {
    await expect(questionReport({ from: '2026-02-30', now, payload })).rejects.toMatchObject({
      data: { errors: [{ path: 'from' }] },
      status: 400,
    })
    await expect(questionReport({ from: '2026-07-02', now, payload, to: '2026-07-01' })).rejects.toMatchObject({
      data: { errors: [{ path: 'to' }] },
      status: 400,
    })
  })

  it('gives responders and admins the same figures under access rules, draft care area named', async () => {
    for (const roles of [['responder'], ['admin']])
      expect(await questionReport({ now, payload, user: await asUser({ roles }) })).toEqual(EXPECTED)
  })

  it('refuses editors, clinical reviewers, professionals and anonymous requests', async () => {
    const editor = await asUser({ roles: ['editor'] })
    // Editors may read questions themselves, so the refusal is the report's own.
    expect((await payload.find({ collection: 'questions', overrideAccess: false, user: editor })).totalDocs).toBe(8)
    for (const user of [editor, await asUser({ roles: ['clinical-reviewer'] }), await asUser({ roles: ['professional'] }), null]) {
      await expect(questionReport({ now, payload, user })).rejects.toMatchObject({ status: 403 })
    }
  })
})

describe('reportCsv', () => {
  it('has a header, month rows, care-area rows and the overall row, with RFC 4180 quoting', async () => {
    const lines = reportCsv({ report: await questionReport({ now, payload }) }).split('\r\n')
    expect(lines[0]).toBe(
      'Group,Month or care area,Received,Answered,Answered from a published answer,Met target,Met target (%),Median first response (working hours),90th percentile first response (working hours),Open,Overdue',
    )
    expect(lines.slice(1)).toEqual([
      'month,2026-06,3,3,0,2,66.7,18,24,0,0',
      'month,2026-07,5,1,0,1,50,0.5,30,3,1',
      'care area,Diagnosis,4,2,0,1,50,4,18,1,0',
      'care area,"Feet, eyes & ""kidneys""",2,1,0,1,100,0.5,24,1,0',
      'care area,Not linked,2,1,0,1,50,30,30,1,1',
      'overall,All questions,8,4,0,3,60,4,30,3,1',
      // CRLF after the last record too.
      '',
    ])
  })

  it('defuses cells a spreadsheet would run as formulas, leaves numbers and empty figures alone', () => {
    const empty = row([0, 0, 0, null, null, null, 0, 0])
    const csv = reportCsv({
      report: {
        byCareArea: ['=HYPERLINK("http://evil.example")', '+44 1632', '-1+1', '@SUM(A1)', 'Safe - really'].map((careArea) => ({
          careArea,
          ...empty,
        })),
        byMonth: [],
        overall: empty,
      },
    })
    expect(csv.split('\r\n').slice(1, 6)).toEqual([
      `care area,"'=HYPERLINK(""http://evil.example"")",0,0,0,0,,,,0,0`,
      "care area,'+44 1632,0,0,0,0,,,,0,0",
      "care area,'-1+1,0,0,0,0,,,,0,0",
      "care area,'@SUM(A1),0,0,0,0,,,,0,0",
      'care area,Safe - really,0,0,0,0,,,,0,0',
    ])
  })
})

describe('GET /api/questions/report and /report.csv', () => {
  it('gives responders and admins the JSON report (matched before GET /:id)', async () => {
    for (const role of ['responder', 'admin']) {
      const { json, status } = await api.rest({ path: 'questions/report', token: tokens[role] })
      expect(status).toBe(200)
      // Real "now", so only figures that do not depend on the day are compared.
      expect(json.byMonth.map(({ month, received }: { month: string; received: number }) => [month, received])).toEqual([
        ['2026-06', 3],
        ['2026-07', 5],
      ])
      expect(json.byCareArea.map(({ careArea }: { careArea: string }) => careArea)).toEqual(['Diagnosis', FEET, 'Not linked'])
      expect(json.overall).toMatchObject({ answered: 4, medianFirstResponseWorkingHours: 4, received: 8 })
    }
    // The default route by id still works.
    expect((await api.rest({ path: `questions/${ids.q3}`, token: tokens.responder })).json.status).toBe('closed')
  })

  it('applies from and to, and names a bad date with a 400', async () => {
    const { json } = await api.rest({ path: 'questions/report?from=2026-07-01&to=2026-07-31', token: tokens.responder })
    expect(json.overall.received).toBe(5)
    const bad = await api.rest({ path: 'questions/report?from=yesterday', token: tokens.responder })
    expect(bad.status).toBe(400)
    expect(fieldErrors(bad.json).from).toMatch(/YYYY-MM-DD/)
    const badCsv = await get({ path: 'questions/report.csv?to=2026-13-01', token: tokens.admin })
    expect(badCsv.status).toBe(400)
    expect(fieldErrors(await badCsv.json()).to).toMatch(/YYYY-MM-DD/)
  })

  it.each(['editor', 'professional', 'anonymous'])('refuses %s with a 403 in JSON, for both formats', async (role) => {
    const json = await api.rest({ path: 'questions/report', token: tokens[role] })
    expect(json.status).toBe(403)
    expect(json.json.errors[0].message).toMatch(/not allowed/i)
    const csv = await get({ path: 'questions/report.csv', token: tokens[role] })
    expect(csv.status).toBe(403)
    expect(csv.headers.get('content-type')).toMatch(/json/)
    expect((await csv.json()).errors[0].message).toMatch(/not allowed/i)
  })

  it('gives responders and admins a CSV attachment named for today', async () => {
    for (const role of ['responder', 'admin']) {
      const response = await get({ path: 'questions/report.csv', token: tokens[role] })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date())
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="question-report-${today}.csv"`)
      const lines = (await response.text()).split('\r\n')
      expect(lines[0]).toMatch(/^Group,Month or care area,Received,/)
      expect(lines).toContain('month,2026-06,3,3,0,2,66.7,18,24,0,0')
    }
  })
})
