import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Question, QuestionsAndAnswer } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { workFor } from '../../src/lib/admin/work'
import { submitFeedback } from '../../src/lib/feedback/submit'
import { personalDataProblem } from '../../src/lib/questions-and-answers/personal-data'
import { suggestAnswers } from '../../src/lib/questions-and-answers/suggest'
import { BEFORE_YOU_ASK_FIELD, BEFORE_YOU_ASK_SEEN } from '../../src/lib/questions/before-you-ask'
import { questionReport } from '../../src/lib/questions/report'
import { submitQuestion } from '../../src/lib/questions/submit'
import { redirectFor } from '../../src/lib/redirects/table'
import { summarisePageFeedback } from '../../src/lib/reviews/due'
import { paragraph, plainTextOf, richText } from '../../src/lib/richtext/build'
import { createEmbeddedEngine } from '../../src/lib/search/embedded'
import { SEARCH_TYPE_LABELS } from '../../src/lib/search/query'
import { loadSearchDocument } from '../../src/lib/search/source'
import { findQuestionAndAnswer, listQuestionsAndAnswers } from '../../src/lib/site/content'
import { publicUrls } from '../../src/lib/site/public-index'
import { apiClient, signInViewers } from '../helpers/api'
import { startTestHub, testDatabase } from '../helpers/hub'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>

type Viewer = 'admin' | 'anonymous' | 'clinical-reviewer' | 'editor' | 'professional' | 'responder' | 'secretary'
const VIEWERS: Viewer[] = ['anonymous', 'professional', 'responder', 'secretary', 'clinical-reviewer', 'editor', 'admin']
let tokens: Map<Viewer, string | undefined>
let users: Awaited<ReturnType<typeof signInViewers<Viewer>>>['users']
let careAreaId: number
let otherCareAreaId: number

const ASKER = {
  email: 'hester.quayle@example.org',
  jobTitle: 'Lead Diabetes Specialist Nurse',
  name: 'Hester Quayle',
  organisation: 'Brightwater Community Health',
  telephone: '01632 960 417',
}

/** An answered question from ASKER, as the desk leaves it; `consent` is the asker's tick. */
const answeredQuestion = async ({
  consent = true,
  text = 'Can a practice nurse refer adults to the structured education course?',
} = {}) => {
  const question = await payload.create({
    collection: 'questions',
    data: { ...ASKER, careArea: careAreaId, publicationConsent: consent, question: text } as never,
  })
  return (await payload.update({
    collection: 'questions',
    data: {
      answer: 'Yes. Practice nurses can refer adults with type 2 diabetes to the course using the referral form.',
      status: 'answered',
    },
    id: question.id,
  })) as Question
}

const propose = ({ body, id, viewer = 'responder' }: { body: Record<string, unknown>; id: number | string; viewer?: Viewer }) =>
  api.rest({ body, method: 'POST', path: `questions/${id}/propose`, token: tokens.get(viewer) })

const GOOD_PROPOSAL = () => ({
  answer:
    'Yes. Practice nurses can refer adults with type 2 diabetes to the structured education course.\n\nUse the referral form on the course page.',
  careArea: careAreaId,
  question: 'Can a practice nurse refer adults to structured education?',
})

const reqAs = async (viewer: Viewer) => createLocalReq({ user: { ...users.get(viewer)!, collection: 'users' } as never }, payload)

/** A published answer written straight through the trusted API, for the reading tests. */
const publishedAnswer = async ({ area = careAreaId, question, text }: { area?: number; question: string; text: string }) =>
  (await payload.create({
    collection: 'questions-and-answers',
    data: {
      _status: 'published',
      answer: richText({ children: [paragraph({ text })] }) as never,
      careArea: area,
      question,
      review: { contentOwner: users.get('editor')!.id, lastReviewed: '2026-11-01', nextReviewDue: '2027-11-01' },
    } as never,
  })) as QuestionsAndAnswer

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  ;({ tokens, users } = await signInViewers({ api, payload, viewers: VIEWERS }))
  const area = (step: number, title: string) =>
    payload.create({ collection: 'care-areas', data: { _status: 'published', step, summary: `${title} care`, title } as never })
  careAreaId = (await area(71, 'Structured education')).id
  otherCareAreaId = (await area(72, 'Foot protection')).id
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('personalDataProblem', () => {
  const texts = (question: string, answer = 'A general answer about the service.') => ({ answer, question })

  it('finds the asker’s name, surname, email, number, organisation and a distinctive job title', () => {
    expect(personalDataProblem({ asker: ASKER, texts: texts('Hester Quayle asks about referrals') })?.message).toMatch(/name/)
    expect(personalDataProblem({ asker: ASKER, texts: texts('Ms Quayle asks about referrals') })?.field).toBe('question')
    expect(personalDataProblem({ asker: ASKER, texts: texts('A question', 'We wrote to HESTER.QUAYLE@example.org') })?.field).toBe('answer')
    expect(personalDataProblem({ asker: ASKER, texts: texts('A question', 'Call them back on 01632960417 today') })?.message).toMatch(
      /telephone/,
    )
    expect(personalDataProblem({ asker: ASKER, texts: texts('A question', 'Call +44 1632 960417 today') })?.message).toMatch(/telephone/)
    expect(personalDataProblem({ asker: ASKER, texts: texts('Nurses at Brightwater Community Health ask') })?.message).toMatch(
      /organisation/,
    )
    expect(personalDataProblem({ asker: ASKER, texts: texts('As lead diabetes specialist nurse, can I refer?') })?.message).toMatch(
      /job title/,
    )
  })

  it('finds any email address or UK number in the question, and leaves ordinary words alone', () => {
    expect(personalDataProblem({ asker: null, texts: texts('Write to me at someone@example.net please') })?.message).toMatch(/email/)
    expect(personalDataProblem({ asker: null, texts: texts('Ring 07700 900982 about it') })?.message).toMatch(/telephone/)
    // The network's own number may be in the answer; a common job title and a year are not personal data.
    expect(
      personalDataProblem({ asker: ASKER, texts: texts('Can a practice nurse refer in 2026?', 'Call the network on 0300 123 4567.') }),
    ).toBeNull()
    expect(personalDataProblem({ asker: { ...ASKER, name: 'Ann Hope' }, texts: texts('Is there hope for a faster referral?') })).toBeNull()
  })
})

describe(`proposing an answered question (${testDatabase()})`, () => {
  it('stores the asker’s consent from the public form, unticked unless ticked, and shows it only to staff', async () => {
    const form = (consent: boolean) => {
      const data = new FormData()
      for (const [key, value] of Object.entries({ ...ASKER, question: `Consent check ${consent} about insulin pumps for adults` }))
        data.set(key, value)
      data.set(BEFORE_YOU_ASK_FIELD, BEFORE_YOU_ASK_SEEN)
      if (consent) data.set('publicationConsent', 'yes')
      return data
    }
    for (const consent of [true, false]) {
      const result = await submitQuestion({ form: form(consent), ip: '198.51.100.41', payload })
      expect(result.kind).toBe('accepted')
      const { docs } = await payload.find({
        collection: 'questions',
        where: { reference: { equals: (result as { reference: string }).reference } },
      })
      expect(docs[0]!.publicationConsent).toBe(consent)
    }
    const anonymous = await api.rest({
      body: { ...ASKER, publicationConsent: true, question: 'Posted by the API about consent to publish' },
      method: 'POST',
      path: 'questions',
    })
    expect(anonymous.status).toBe(201)
    expect(anonymous.json.doc.publicationConsent).toBeUndefined()
    const stored = await payload.findByID({ collection: 'questions', id: anonymous.json.doc.id })
    expect(stored.publicationConsent).toBe(true)
  })

  it('refuses anyone but the desk, questions not answered or not agreed, and bad input, naming the field', async () => {
    const agreed = await answeredQuestion()
    expect((await propose({ body: GOOD_PROPOSAL(), id: agreed.id, viewer: 'anonymous' })).status).toBe(401)
    for (const viewer of ['professional', 'secretary', 'editor', 'clinical-reviewer'] as const) {
      const refused = await propose({ body: GOOD_PROPOSAL(), id: agreed.id, viewer })
      expect(refused.status, viewer).toBe(403)
    }
    expect((await propose({ body: GOOD_PROPOSAL(), id: 987654 })).status).toBe(404)
    expect((await propose({ body: GOOD_PROPOSAL(), id: 'not-an-id' })).status).toBe(404)
    const declined = await answeredQuestion({ consent: false })
    expect(await propose({ body: GOOD_PROPOSAL(), id: declined.id })).toMatchObject({
      json: { errors: [{ field: 'publicationConsent' }] },
      status: 409,
    })
    const open = await payload.create({
      collection: 'questions',
      data: { ...ASKER, publicationConsent: true, question: 'Still open, not answered yet' } as never,
    })
    expect(await propose({ body: GOOD_PROPOSAL(), id: open.id })).toMatchObject({ json: { errors: [{ field: 'status' }] }, status: 409 })
    const cases: [Record<string, unknown>, string][] = [
      [{ ...GOOD_PROPOSAL(), question: '' }, 'question'],
      [{ ...GOOD_PROPOSAL(), question: 'Bell \u0007 in the question here' }, 'question'],
      [{ ...GOOD_PROPOSAL(), question: 'x'.repeat(301) }, 'question'],
      [{ ...GOOD_PROPOSAL(), answer: 42 }, 'answer'],
      [{ ...GOOD_PROPOSAL(), careArea: 'nowhere' }, 'careArea'],
      [{ ...GOOD_PROPOSAL(), careArea: 99999 }, 'careArea'],
      [{ ...GOOD_PROPOSAL(), givesClinicalInformation: 'yes' }, 'givesClinicalInformation'],
      [{ ...GOOD_PROPOSAL(), question: 'Hester Quayle asks: can a nurse refer?' }, 'question'],
      [{ ...GOOD_PROPOSAL(), answer: 'We replied to hester.quayle@example.org with the form.' }, 'answer'],
    ]
    for (const [body, field] of cases) {
      const refused = await propose({ body, id: agreed.id })
      expect(refused.status, JSON.stringify(body).slice(-80)).toBe(400)
      expect(refused.json.errors[0].field).toBe(field)
    }
    const notJson = await api.rest({
      headers: { 'content-type': 'text/plain' },
      method: 'POST',
      path: `questions/${agreed.id}/propose`,
      text: 'hello',
      token: tokens.get('responder'),
    })
    expect(notJson.status).toBe(415)
    // Nothing was created by any refusal.
    expect((await payload.findByID({ collection: 'questions', id: agreed.id })).publishedAs).toBeFalsy()
  })

  it('creates a draft with none of the asker’s details, linked from the question only, once', async () => {
    const question = await answeredQuestion()
    const proposed = await propose({ body: GOOD_PROPOSAL(), id: question.id })
    expect(proposed.status).toBe(201)
    expect(proposed.json.adminPath).toBe(`/admin/collections/questions-and-answers/${proposed.json.id}`)
    const draft = await payload.findByID({ collection: 'questions-and-answers', depth: 0, draft: true, id: proposed.json.id })
    expect(draft._status).toBe('draft')
    expect(draft.question).toBe(GOOD_PROPOSAL().question)
    expect(plainTextOf({ value: draft.answer })).toBe(GOOD_PROPOSAL().answer.replace('\n\n', '\n'))
    expect(String(draft.proposal?.proposedBy)).toBe(String(users.get('responder')!.id))
    expect(relation(draft.careArea)).toBe(String(careAreaId))
    const linked = await payload.findByID({ collection: 'questions', id: question.id })
    expect(relation(linked.publishedAs)).toBe(String(draft.id))
    // Again: refused, the first draft kept.
    expect(await propose({ body: GOOD_PROPOSAL(), id: question.id })).toMatchObject({
      json: { errors: [{ field: 'publishedAs' }] },
      status: 409,
    })
  })

  it('has no field that could hold who asked, and no personal data in any stored version', async () => {
    const names = payload.collections['questions-and-answers'].config.flattenedFields.map((field) => field.name)
    for (const forbidden of ['name', 'email', 'telephone', 'organisation', 'jobTitle', 'asker', 'question_id', 'source'])
      expect(names, forbidden).not.toContain(forbidden)
    const question = await answeredQuestion()
    const { json } = await propose({ body: GOOD_PROPOSAL(), id: question.id })
    // An editor's later edit that puts the asker's name back is refused too: the link on the question is found.
    const edited = await api.rest({
      body: { question: 'Hester Quayle asks whether a practice nurse can refer' },
      method: 'PATCH',
      path: `questions-and-answers/${json.id}?draft=true`,
      token: tokens.get('editor'),
    })
    expect(edited.status).toBe(400)
    expect(edited.json.errors[0].data.errors[0].path).toBe('question')
    const versions = await payload.findVersions({ collection: 'questions-and-answers', where: { parent: { equals: json.id } } })
    const stored = JSON.stringify([
      await payload.findByID({ collection: 'questions-and-answers', draft: true, id: json.id }),
      versions.docs,
    ])
    for (const detail of Object.values(ASKER)) expect(stored.toLowerCase()).not.toContain(detail.toLowerCase())
    expect(stored).not.toContain('Quayle')
  })
})

const relation = (value: unknown) => (value && typeof value === 'object' ? String((value as { id: unknown }).id) : String(value))

describe(`publishing a proposed answer (${testDatabase()})`, () => {
  const draftFromDesk = async ({ clinical = false } = {}) => {
    const question = await answeredQuestion()
    const { json, status } = await propose({ body: { ...GOOD_PROPOSAL(), givesClinicalInformation: clinical }, id: question.id })
    expect(status, JSON.stringify(json)).toBe(201)
    return { answerId: json.id as number | string, question }
  }
  const publish = ({ id, viewer }: { id: number | string; viewer: Viewer }) =>
    api.rest({ body: { _status: 'published' }, method: 'PATCH', path: `questions-and-answers/${id}`, token: tokens.get(viewer) })

  it('is an editor’s step for an answer without clinical information; the desk cannot publish, even by a plain save', async () => {
    const { answerId } = await draftFromDesk()
    expect((await publish({ id: answerId, viewer: 'responder' })).status).toBe(403)
    const plain = await api.rest({
      body: { question: 'Can practice nurses refer adults to structured education?' },
      method: 'PATCH',
      path: `questions-and-answers/${answerId}`,
      token: tokens.get('responder'),
    })
    expect(plain.status).toBe(200)
    expect((await payload.findByID({ collection: 'questions-and-answers', id: answerId })).question).toBe(GOOD_PROPOSAL().question)
    expect((await publish({ id: answerId, viewer: 'secretary' })).status).toBe(403)
    const published = await publish({ id: answerId, viewer: 'editor' })
    expect(published.status).toBe(200)
    const live = await payload.findByID({ collection: 'questions-and-answers', id: answerId })
    expect(live._status).toBe('published')
    // Publishing filled in the review dates and the owner.
    expect(live.review.lastReviewed).toBeTruthy()
    expect(live.review.nextReviewDue).toBeTruthy()
    expect(relation(live.review.contentOwner)).toBe(String(users.get('editor')!.id))
    expect(live.clinicalSignOff?.signedOffBy).toBeFalsy()
    // An editor's later plain save is a new draft: the published answer stays as it was.
    await api.rest({
      body: { question: 'Changed in a draft: can nurses refer?' },
      method: 'PATCH',
      path: `questions-and-answers/${answerId}`,
      token: tokens.get('editor'),
    })
    expect((await payload.findByID({ collection: 'questions-and-answers', id: answerId })).question).toBe(
      'Can practice nurses refer adults to structured education?',
    )
  })

  it('needs a clinical reviewer when it gives clinical information, who signs it off by publishing', async () => {
    const { answerId } = await draftFromDesk({ clinical: true })
    const byEditor = await publish({ id: answerId, viewer: 'editor' })
    expect(byEditor.status).toBe(403)
    expect(JSON.stringify(byEditor.json)).toMatch(/clinical reviewer/)
    const untick = await api.rest({
      body: { givesClinicalInformation: false },
      method: 'PATCH',
      path: `questions-and-answers/${answerId}?draft=true`,
      token: tokens.get('editor'),
    })
    expect(untick.status).toBe(403)
    expect((await publish({ id: answerId, viewer: 'admin' })).status).toBe(403)
    expect((await publish({ id: answerId, viewer: 'clinical-reviewer' })).status).toBe(200)
    const live = await payload.findByID({ collection: 'questions-and-answers', id: answerId })
    expect(live._status).toBe('published')
    expect(relation(live.clinicalSignOff?.signedOffBy)).toBe(String(users.get('clinical-reviewer')!.id))
    expect(live.clinicalSignOff?.signedOffAt).toBeTruthy()
  })

  it('shows drafts to the staff who work on answers and only published answers to everyone else', async () => {
    const { answerId } = await draftFromDesk()
    const readers: Record<Viewer, number> = {
      admin: 200,
      anonymous: 404,
      'clinical-reviewer': 200,
      editor: 200,
      professional: 404,
      responder: 200,
      secretary: 404,
    }
    for (const viewer of VIEWERS) {
      const read = await api.rest({ path: `questions-and-answers/${answerId}?draft=true`, token: tokens.get(viewer) })
      expect(read.status, viewer).toBe(readers[viewer])
      if (read.status === 200 && viewer !== 'responder') expect(read.json.proposal, viewer).toBeTruthy()
    }
    const graphql = await api.graphql({ query: `{ QuestionsAndAnswers(draft: true) { docs { id question } } }` })
    expect(JSON.stringify(graphql.json)).not.toContain(`"id":${answerId}`)
    // Who proposed and who signed off are the staff's business.
    const { answerId: publishedId } = await draftFromDesk()
    await publish({ id: publishedId, viewer: 'editor' })
    const anonymous = await api.rest({ path: `questions-and-answers/${publishedId}` })
    expect(anonymous.status).toBe(200)
    expect(anonymous.json.proposal).toBeUndefined()
    expect(anonymous.json.clinicalSignOff).toBeUndefined()
    expect(anonymous.json.review.contentOwner).toBeUndefined()
  })

  it('puts proposals on the editors’ work list and clinical ones on the reviewers’', async () => {
    await draftFromDesk({ clinical: true })
    const sections = async (viewer: Viewer) =>
      new Map((await workFor({ req: await reqAs(viewer) })).map((section) => [section.key, section]))
    const editor = await sections('editor')
    expect(editor.get('answers')!.items.length).toBeGreaterThan(0)
    expect(editor.get('answers')!.items.some((item) => item.detail.startsWith('Gives clinical information'))).toBe(true)
    const reviewer = await sections('clinical-reviewer')
    expect(reviewer.get('answers-clinical')!.items.length).toBeGreaterThan(0)
    expect(reviewer.get('answers-clinical')!.items.every((item) => item.detail.startsWith('Gives clinical information'))).toBe(true)
    expect((await sections('responder')).has('answers')).toBe(false)
  })
})

describe(`what cannot get past publishing (${testDatabase()})`, () => {
  const proposal = async ({ clinical = false } = {}) => {
    const question = await answeredQuestion()
    const { json, status } = await propose({ body: { ...GOOD_PROPOSAL(), givesClinicalInformation: clinical }, id: question.id })
    expect(status, JSON.stringify(json)).toBe(201)
    return { answerId: json.id as number | string, question }
  }
  const patch = ({
    body,
    id,
    query = '',
    viewer,
  }: {
    body: Record<string, unknown>
    id: number | string
    query?: string
    viewer: Viewer
  }) => api.rest({ body, method: 'PATCH', path: `questions-and-answers/${id}${query}`, token: tokens.get(viewer) })

  it('refuses anything but true or false for "gives clinical information", and its clearing by anyone but a reviewer', async () => {
    const { answerId } = await proposal({ clinical: true })
    for (const value of [null, 'no', 0]) {
      const refused = await patch({ body: { givesClinicalInformation: value }, id: answerId, query: '?draft=true', viewer: 'responder' })
      expect(refused.status, String(value)).toBe(400)
    }
    expect(
      (await patch({ body: { givesClinicalInformation: false }, id: answerId, query: '?draft=true', viewer: 'responder' })).status,
    ).toBe(403)
    const draft = await payload.findByID({ collection: 'questions-and-answers', draft: true, id: answerId })
    expect(draft.givesClinicalInformation).toBe(true)
    expect((await patch({ body: { _status: 'published' }, id: answerId, viewer: 'editor' })).status).toBe(403)
  })

  it('publishes one answer at a time, and restores versions only as drafts', async () => {
    const { answerId } = await proposal()
    const bulk = await api.rest({
      body: { _status: 'published' },
      method: 'PATCH',
      path: `questions-and-answers?where[id][equals]=${answerId}`,
      token: tokens.get('editor'),
    })
    expect(JSON.stringify(bulk.json)).toMatch(/one at a time/)
    expect((await payload.findByID({ collection: 'questions-and-answers', id: answerId }))._status).toBe('draft')
    expect((await patch({ body: { _status: 'published' }, id: answerId, viewer: 'editor' })).status).toBe(200)
    await patch({ body: { question: 'A later draft: can nurses refer to structured education?' }, id: answerId, viewer: 'responder' })
    const { docs } = await payload.findVersions({
      collection: 'questions-and-answers',
      sort: 'createdAt',
      where: { parent: { equals: answerId } },
    })
    const first = docs[0]!
    for (const viewer of ['responder', 'editor', 'clinical-reviewer'] as const) {
      const live = await api.rest({ method: 'POST', path: `questions-and-answers/versions/${first.id}`, token: tokens.get(viewer) })
      expect(live.status, viewer).toBe(403)
    }
    const asDraft = await api.rest({
      method: 'POST',
      path: `questions-and-answers/versions/${first.id}?draft=true`,
      token: tokens.get('responder'),
    })
    expect(asDraft.status).toBe(200)
    const live = await payload.findByID({ collection: 'questions-and-answers', id: answerId })
    expect(live._status).toBe('published')
    expect(live.question).toBe(GOOD_PROPOSAL().question)
  })

  it('keeps to the asker’s agreement: the desk cannot give it, and a withdrawal stops publication', async () => {
    const declined = await answeredQuestion({ consent: false })
    const ticked = await api.rest({
      body: { publicationConsent: true },
      method: 'PATCH',
      path: `questions/${declined.id}`,
      token: tokens.get('responder'),
    })
    expect(ticked.status).toBe(200)
    expect((await payload.findByID({ collection: 'questions', id: declined.id })).publicationConsent).toBe(false)
    const { answerId, question } = await proposal()
    await api.rest({
      body: { publicationConsent: false },
      method: 'PATCH',
      path: `questions/${question.id}`,
      token: tokens.get('responder'),
    })
    const refused = await patch({ body: { _status: 'published' }, id: answerId, viewer: 'editor' })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.json)).toMatch(/withdrew/)
  })

  it('finds the asker’s first name in a greeting, and their name in the address', async () => {
    const question = await answeredQuestion()
    const greeting = await propose({
      body: { ...GOOD_PROPOSAL(), answer: 'Dear Hester, yes: practice nurses can refer adults.' },
      id: question.id,
    })
    expect(greeting).toMatchObject({ json: { errors: [{ field: 'answer' }] }, status: 400 })
    const { answerId } = await proposal()
    const slug = await patch({ body: { slug: 'hester-quayle-structured-education' }, id: answerId, query: '?draft=true', viewer: 'editor' })
    expect(slug.status).toBe(400)
    expect(slug.json.errors[0].data.errors[0].path).toBe('slug')
    const long = await patch({
      body: { question: `${'Long question '.repeat(30)}?` },
      id: answerId,
      query: '?draft=true',
      viewer: 'responder',
    })
    expect(long.status).toBe(400)
  })

  it('links a question to one proposal, however many are sent at once', async () => {
    const question = await answeredQuestion()
    const sent = await Promise.all([1, 2, 3].map(() => propose({ body: GOOD_PROPOSAL(), id: question.id })))
    expect(sent.map((answer) => answer.status).sort()).toEqual([201, 409, 409])
    const linked = await payload.findByID({ collection: 'questions', id: question.id })
    expect(relation(linked.publishedAs)).toBe(String(sent.find((answer) => answer.status === 201)!.json.id))
  })

  it('names the field when feedback names a page the wrong way', async () => {
    for (const field of ['answer', 'page'] as const) {
      const refused = await submitFeedback({ input: { [field]: { id: 1 }, useful: 'yes' }, ip: '198.51.100.44', payload, user: null })
      expect(refused).toMatchObject({ field, ok: false, status: 400 })
    }
  })
})

describe(`reading, finding and rating published answers (${testDatabase()})`, () => {
  let footCare: QuestionsAndAnswer

  beforeAll(async () => {
    footCare = await publishedAnswer({
      area: otherCareAreaId,
      question: 'How quickly should a hot swollen foot be referred to the foot protection team?',
      text: 'Refer the same day: a hot swollen foot may be active Charcot foot.',
    })
    await publishedAnswer({
      question: 'Who runs structured education courses for adults?',
      text: 'The local community teams run the courses.',
    })
  })

  it('are listed by care area, each at its own address, and in the sitemap', async () => {
    const groups = await listQuestionsAndAnswers({ payload, user: null })
    const titles = new Map(groups.map((group) => [group.careArea.title, group.answers.map((answer) => answer.question)]))
    expect(titles.get('Foot protection')).toContain(footCare.question)
    expect(titles.get('Structured education')).toContain('Who runs structured education courses for adults?')
    expect((await findQuestionAndAnswer({ payload, slug: String(footCare.slug), user: null }))?.id).toBe(footCare.id)
    const paths = (await publicUrls({ payload })).map((url) => url.path)
    expect(paths).toContain('/questions-and-answers')
    expect(paths).toContain(`/questions-and-answers/${footCare.slug}`)
  })

  it('leave a redirect behind when an editor publishes one at a new address', async () => {
    const moving = await publishedAnswer({
      question: 'Where are the insulin pump clinics held each month?',
      text: 'At the two hospital sites.',
    })
    const before = `/questions-and-answers/${moving.slug}`
    expect(await redirectFor({ path: before, payload })).toBeNull()
    await api.rest({
      body: { _status: 'published', slug: 'insulin-pump-clinics' },
      method: 'PATCH',
      path: `questions-and-answers/${moving.id}`,
      token: tokens.get('editor'),
    })
    expect(await redirectFor({ path: before, payload })).toEqual({ location: '/questions-and-answers/insulin-pump-clinics', status: 301 })
  })

  it('are searchable as "Question and answer"', async () => {
    const doc = await loadSearchDocument({ collection: 'questions-and-answers', id: footCare.id, payload })
    expect(doc).toMatchObject({ careArea: 'Foot protection', type: 'answer', url: `/questions-and-answers/${footCare.slug}` })
    expect(SEARCH_TYPE_LABELS.answer).toBe('Question and answer')
    const engine = createEmbeddedEngine()
    await engine.upsert([doc!])
    const found = await engine.search({ q: 'charcot foot', type: 'answer', viewer: 'public' })
    expect(found.hits.map((hit) => hit.url)).toEqual([`/questions-and-answers/${footCare.slug}`])
    // Drafts are not indexed.
    const { answerId } = await (async () => {
      const question = await answeredQuestion()
      const { json } = await propose({ body: GOOD_PROPOSAL(), id: question.id })
      return { answerId: json.id }
    })()
    expect(await loadSearchDocument({ collection: 'questions-and-answers', id: answerId, payload })).toBeNull()
  })

  it('are offered "before you ask" when two words match, and not for unrelated questions', async () => {
    const offered = await suggestAnswers({ payload, text: 'My patient has a swollen foot, who do I refer to?' })
    expect(offered[0]).toEqual({ question: footCare.question, url: `/questions-and-answers/${footCare.slug}` })
    expect(await suggestAnswers({ payload, text: 'What are the opening hours of the network office?' })).toEqual([])
    expect(await suggestAnswers({ payload, text: '' })).toEqual([])
    const endpoint = await api.rest({ path: `questions-and-answers/suggest?text=${encodeURIComponent('hot foot referral')}` })
    expect(endpoint.status).toBe(200)
    expect(endpoint.json.answers[0].url).toBe(`/questions-and-answers/${footCare.slug}`)
    expect((await api.rest({ path: 'questions-and-answers/suggest?text=%00bad' })).status).toBe(400)
  })

  it('stop a form sent without JavaScript once, keeping every word, and let the second sending through', async () => {
    const form = new FormData()
    for (const [key, value] of Object.entries({ ...ASKER, question: 'A patient has a hot swollen foot: how quickly do we refer?' }))
      form.set(key, value)
    form.set('publicationConsent', 'yes')
    const before = (await payload.count({ collection: 'questions' })).totalDocs
    const first = await submitQuestion({ form, ip: '198.51.100.42', payload })
    expect(first).toMatchObject({ kind: 'before-you-ask', values: { email: ASKER.email, publicationConsent: 'yes' } })
    expect((first as { answers: { url: string }[] }).answers[0]!.url).toBe(`/questions-and-answers/${footCare.slug}`)
    expect((await payload.count({ collection: 'questions' })).totalDocs).toBe(before)
    form.set(BEFORE_YOU_ASK_FIELD, BEFORE_YOU_ASK_SEEN)
    expect((await submitQuestion({ form, ip: '198.51.100.42', payload })).kind).toBe('accepted')
    expect((await payload.count({ collection: 'questions' })).totalDocs).toBe(before + 1)
  })

  it('take "Was this page useful?" answers, summarised for content staff', async () => {
    const stored = await submitFeedback({
      input: { answer: String(footCare.id), comment: 'Clear', useful: 'yes' },
      ip: '198.51.100.43',
      payload,
      user: null,
    })
    expect(stored).toEqual({ ok: true, stored: true })
    const both = await submitFeedback({ input: { answer: footCare.id, page: 1, useful: 'yes' }, ip: '198.51.100.43', payload, user: null })
    expect(both).toMatchObject({ ok: false, status: 400 })
    const draft = await submitFeedback({ input: { answer: 'nope', useful: 'no' }, ip: '198.51.100.43', payload, user: null })
    expect(draft).toMatchObject({ field: 'answer', ok: false, status: 422 })
    const rows = await summarisePageFeedback({ payload, req: await reqAs('editor'), user: users.get('editor')! })
    expect(rows.find((row) => row.title === footCare.question)).toMatchObject({
      no: 0,
      path: `/questions-and-answers/${footCare.slug}`,
      yes: 1,
    })
  })

  it('count in the question report when a question was answered from one', async () => {
    const question = await answeredQuestion({ text: 'Another question about referring a hot foot the same day' })
    const before = (await questionReport({ payload })).overall.answeredFromPublished
    await payload.update({ collection: 'questions', data: { answeredFrom: footCare.id }, id: question.id })
    const after = await questionReport({ payload })
    expect(after.overall.answeredFromPublished).toBe(before + 1)
    expect(after.overall.answered).toBeGreaterThanOrEqual(after.overall.answeredFromPublished)
  })
})
